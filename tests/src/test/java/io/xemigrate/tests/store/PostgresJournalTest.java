package io.xemigrate.tests.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xemigrate.coordinator.journal.Journal;
import io.xemigrate.coordinator.journal.JournalException;
import io.xemigrate.coordinator.journal.RunRecord;
import io.xemigrate.coordinator.journal.StoreLocation;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The journal's contract on a PostgreSQL server started for the tests. */
class PostgresJournalTest extends JournalContract {
  @Override
  StoreLocation newStore() {
    return PostgresServer.shared().newDatabase();
  }

  @Test
  void aConnectionTheServerDroppedIsOneErrorThenOpenedAgain() throws Exception {
    StoreLocation.Postgres store = PostgresServer.shared().newDatabase();
    try (Journal journal = Journal.open(store, Clock.systemUTC())) {
      journal.startRun("run-1", "h", "{}", List.of("vm-1"));
      PostgresServer.shared().dropConnections(store.database());

      assertThatThrownBy(journal::runs).isInstanceOf(JournalException.class);

      journal.startRun("run-2", "h", "{}", List.of("vm-2"));
      assertThat(journal.runs())
          .extracting(RunRecord::runId)
          .containsExactlyInAnyOrder("run-1", "run-2");
    }
  }
}

package io.xemigrate.tests.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xemigrate.coordinator.CoordinatorException;
import io.xemigrate.coordinator.journal.StoreLocation;
import io.xemigrate.daemon.DaemonDatabase;
import io.xemigrate.daemon.PoolLeases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The leases' contract on a PostgreSQL server started for the tests, and what only a server gives:
 * expiry judged by the server's clock, so a daemon whose own clock runs hours ahead cannot take a
 * lease that is alive.
 */
class PostgresLeasesTest extends LeaseContract {
  @Override
  StoreLocation newStore() {
    return PostgresServer.shared().newDatabase();
  }

  @Test
  void aDaemonWhoseClockRunsAheadCannotTakeALiveLease() {
    try (DaemonDatabase database = DaemonDatabase.open(newStore())) {
      PoolLeases leases = new PoolLeases(database);
      leases.tryAcquire(
          Set.of("pool-a"), "daemon-1", "job-1", now(), Duration.ofHours(1), sql -> true);
      Instant aheadByADay = now().plus(Duration.ofDays(1));

      boolean taken =
          leases.tryAcquire(
              Set.of("pool-a"), "daemon-2", "job-2", aheadByADay, Duration.ofHours(1), sql -> true);

      assertThat(taken).isFalse();
      assertThat(leases.leases())
          .singleElement()
          .satisfies(
              lease -> {
                assertThat(lease.holder()).isEqualTo("daemon-1");
                assertThat(lease.expiresAt()).isBefore(aheadByADay);
              });
    }
  }

  @Test
  void aConnectionTheServerDroppedIsOneErrorThenOpenedAgain() throws Exception {
    StoreLocation.Postgres store = PostgresServer.shared().newDatabase();
    try (DaemonDatabase database = DaemonDatabase.open(store)) {
      PoolLeases leases = new PoolLeases(database);
      leases.tryAcquire(
          Set.of("pool-a"), "daemon-1", "job-1", now(), Duration.ofHours(1), sql -> true);
      try (Connection admin = PostgresServer.shared().connect("postgres");
          PreparedStatement terminate =
              admin.prepareStatement(
                  "SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity"
                      + " WHERE datname = ?")) {
        terminate.setString(1, store.database());
        terminate.executeQuery().close();
      }

      assertThatThrownBy(leases::leases).isInstanceOf(CoordinatorException.class);

      assertThat(leases.leases()).extracting(PoolLeases.Lease::holder).containsExactly("daemon-1");
    }
  }
}

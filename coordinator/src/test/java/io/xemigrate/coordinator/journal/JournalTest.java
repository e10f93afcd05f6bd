package io.xemigrate.coordinator.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import io.xemigrate.coordinator.journal.RunRecord.RunStatus;
import io.xemigrate.coordinator.journal.StepRecord.Stage;
import io.xemigrate.coordinator.move.MovePhase;
import io.xemigrate.coordinator.move.MoveState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal on a real SQLite file: what is written survives closing and reopening. */
class JournalTest {
  private static final String VM_A = "00000000-0000-0000-0000-00000000000a";
  private static final String VM_B = "00000000-0000-0000-0000-00000000000b";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-26T04:00:00Z"), ZoneOffset.UTC);

  @TempDir Path directory;

  private Journal open() {
    return Journal.open(directory.resolve("state/journal.db"), CLOCK);
  }

  @Test
  void aNewRunHasEveryMovePending() {
    try (Journal journal = open()) {
      journal.startRun("run-1", "sha256:abc", "{}", List.of(VM_B, VM_A));

      assertThat(journal.moves("run-1"))
          .containsExactly(MoveState.pending(VM_A), MoveState.pending(VM_B));
      assertThat(journal.run("run-1").orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
    }
  }

  @Test
  void cancellingARunCancelsOnlyTheMovesNotHandedOff() {
    try (Journal journal = open()) {
      journal.startRun("run-1", "sha256:abc", "{}", List.of(VM_A, VM_B));
      MoveState migrating = new MoveState(VM_B, MovePhase.MIGRATING, 0, 0, "", ImmutableList.of());
      journal.saveMove("run-1", migrating);

      assertThat(journal.cancelRun("run-1")).isEqualTo(1);

      assertThat(journal.moves("run-1"))
          .containsExactly(
              new MoveState(
                  VM_A, MovePhase.CANCELLED, 0, 0, Journal.USER_CANCELLED, ImmutableList.of()),
              migrating);
      assertThat(journal.run("run-1").orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
    }
  }

  @Test
  void anIntentWithoutCompletionSurvivesACrash() {
    try (Journal journal = open()) {
      journal.startRun("run-1", "sha256:abc", "{}", List.of(VM_A));
      MoveState validating = MoveState.pending(VM_A);
      long receive = journal.intend("run-1", validating, "MigrateReceive");
      journal.complete(receive, "run-1", validating, Stage.DONE, "");
      journal.intend("run-1", validating, "StartMigration");
      // The process dies here: no completion is written.
    }

    try (Journal reopened = open()) {
      assertThat(reopened.unfinishedSteps("run-1"))
          .extracting(StepRecord::action)
          .containsExactly("StartMigration");
      assertThat(reopened.steps("run-1"))
          .extracting(StepRecord::stage)
          .containsExactly(Stage.DONE, Stage.INTENT);
    }
  }

  @Test
  void completingAStepSavesTheMovesNewStateWithItsParameters() {
    try (Journal journal = open()) {
      journal.startRun("run-1", "sha256:abc", "{}", List.of(VM_A));
      long step = journal.intend("run-1", MoveState.pending(VM_A), "AssertCanMigrate");
      MoveState failed =
          new MoveState(
              VM_A, MovePhase.FAILED, 0, 0, "VM_REQUIRES_SR", ImmutableList.of("OpaqueRef:1", ""));

      journal.complete(step, "run-1", failed, Stage.FAILED, "VM_REQUIRES_SR");

      assertThat(journal.moves("run-1")).containsExactly(failed);
      assertThat(journal.unfinishedSteps("run-1")).isEmpty();
    }
  }

  @Test
  void aStepCannotCompleteAsAnIntent() {
    try (Journal journal = open()) {
      journal.startRun("run-1", "sha256:abc", "{}", List.of(VM_A));
      long step = journal.intend("run-1", MoveState.pending(VM_A), "Observe");

      assertThatThrownBy(
              () -> journal.complete(step, "run-1", MoveState.pending(VM_A), Stage.INTENT, ""))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aDuplicateRunIsRefusedAndLeavesNothingHalfWritten() {
    try (Journal journal = open()) {
      journal.startRun("run-1", "sha256:abc", "{}", List.of(VM_A));

      assertThatThrownBy(() -> journal.startRun("run-1", "sha256:def", "{}", List.of(VM_B)))
          .isInstanceOf(JournalException.class);
      assertThat(journal.moves("run-1")).containsExactly(MoveState.pending(VM_A));
    }
  }

  @Test
  void completedMovesFeedCalibration() {
    try (Journal journal = open()) {
      journal.startRun("run-1", "sha256:abc", "{}", List.of(VM_A));
      CompletedMove move = new CompletedMove("run-1", VM_A, "h1", "h2", 8L << 30, 71.5, 120.0);

      journal.recordCompleted(move);
      journal.finishRun("run-1", RunStatus.SUCCEEDED);

      assertThat(journal.completedMoves()).containsExactly(move);
      assertThat(journal.runs()).extracting(RunRecord::status).containsExactly(RunStatus.SUCCEEDED);
    }
  }

  @Test
  void anUnknownDowntimeStaysUnknownNotZero() {
    try (Journal journal = open()) {
      CompletedMove move =
          new CompletedMove("run-1", VM_A, "h1", "h2", 1L << 30, 12.0, OptionalDouble.empty());

      journal.recordCompleted(move);

      assertThat(journal.completedMoves()).containsExactly(move);
    }
  }

  @Test
  void anOldJournalsZeroDowntimesBecomeUnknown() throws SQLException {
    Path file = directory.resolve("old.db");
    try (Connection old = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = old.createStatement()) {
      statement.execute(
          "CREATE TABLE completed_moves (run_id TEXT NOT NULL, vm_uuid TEXT NOT NULL,"
              + " source_host TEXT NOT NULL, destination_host TEXT NOT NULL,"
              + " bytes_sent INTEGER NOT NULL, seconds REAL NOT NULL,"
              + " downtime_ms REAL NOT NULL, PRIMARY KEY (run_id, vm_uuid))");
      statement.execute(
          "INSERT INTO completed_moves VALUES ('run-0', 'vm', 'h1', 'h2', 5, 3.5, 0)");
    }

    try (Journal journal = Journal.open(file, CLOCK)) {
      journal.recordCompleted(
          new CompletedMove("run-1", VM_A, "h1", "h2", 7, 2.0, OptionalDouble.empty()));

      assertThat(journal.completedMoves())
          .containsExactly(
              new CompletedMove("run-0", "vm", "h1", "h2", 5, 3.5, OptionalDouble.empty()),
              new CompletedMove("run-1", VM_A, "h1", "h2", 7, 2.0, OptionalDouble.empty()));
    }
  }

  @Test
  void theHostsARunDisabledAreJournaledWithWhereTheyStand() {
    try (Journal journal = open()) {
      journal.holdHost("run-1", "pool-a", "host-2", RunHost.HostState.DISABLED);
      journal.holdHost("run-1", "pool-a", "host-1", RunHost.HostState.DISABLED);
      journal.holdHost("run-1", "pool-a", "host-2", RunHost.HostState.MAINTENANCE);
      journal.holdHost("run-2", "pool-a", "host-3", RunHost.HostState.ENABLED);

      assertThat(journal.hosts("run-1"))
          .containsExactly(
              new RunHost("run-1", "pool-a", "host-1", RunHost.HostState.DISABLED),
              new RunHost("run-1", "pool-a", "host-2", RunHost.HostState.MAINTENANCE));
    }
  }

  @Test
  void theJournalFileIsRealAndInItsDataDirectory() {
    try (Journal journal = open()) {
      journal.startRun("run-1", "sha256:abc", "{}", List.of(VM_A));
    }
    assertThat(Files.exists(directory.resolve("state/journal.db"))).isTrue();
  }

  @Test
  void dataDirectoryFollowsXdg() {
    assertThat(DataDirectory.resolve(Map.of("XE_MIGRATE_DATA_DIR", "/var/lib/xe-migrate"), "/root"))
        .isEqualTo(Path.of("/var/lib/xe-migrate"));
    assertThat(DataDirectory.resolve(Map.of("XDG_DATA_HOME", "/x"), "/root"))
        .isEqualTo(Path.of("/x/xe-migrate"));
    assertThat(DataDirectory.resolve(Map.of(), "/srv/ada"))
        .isEqualTo(Path.of("/srv/ada/.local/share/xe-migrate"));
  }
}

package io.xemigrate.tests.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import io.xemigrate.coordinator.journal.CompletedMove;
import io.xemigrate.coordinator.journal.Journal;
import io.xemigrate.coordinator.journal.RunHost;
import io.xemigrate.coordinator.journal.RunRecord;
import io.xemigrate.coordinator.journal.RunRecord.RunStatus;
import io.xemigrate.coordinator.journal.StepRecord;
import io.xemigrate.coordinator.journal.StepRecord.Stage;
import io.xemigrate.coordinator.journal.StoreLocation;
import io.xemigrate.coordinator.move.MovePhase;
import io.xemigrate.coordinator.move.MoveState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * What the journal promises whichever database keeps it (SQLite file or PostgreSQL): runs and their
 * moves, the step log with its unfinished intents (what run-resume settles), completed moves, host
 * holds, cancelling, and two openers of one database seeing the same runs (a daemon's run seen by
 * the command line). Each store's test extends this class with {@link #newStore}.
 */
abstract class JournalContract {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-01T02:00:00Z"), ZoneOffset.UTC);
  // Orders differently under a natural-language collation (hyphens, case) than by bytes.
  private static final List<String> VMS = List.of("b-2", "a-10", "A-1", "a-1", "a1");

  /** A new, empty database of the store under test. */
  abstract StoreLocation newStore();

  private static MoveState state(String vm, MovePhase phase, String code, String... params) {
    return new MoveState(vm, phase, 0, 0, code, ImmutableList.copyOf(params));
  }

  @Test
  void aStartedRunHasEveryMovePendingInVmOrderByBytes() {
    try (Journal journal = Journal.open(newStore(), CLOCK)) {
      journal.startRun("run-1", "hash-1", "{\"plan\":1}", VMS);

      RunRecord run = journal.run("run-1").orElseThrow();
      assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
      assertThat(run.planHash()).isEqualTo("hash-1");
      assertThat(run.planJson()).isEqualTo("{\"plan\":1}");
      assertThat(run.createdAt()).isEqualTo(CLOCK.instant());
      assertThat(journal.moves("run-1"))
          .extracting(MoveState::vmUuid)
          .containsExactly("A-1", "a-1", "a-10", "a1", "b-2");
      assertThat(journal.moves("run-1")).allMatch(move -> move.phase() == MovePhase.PENDING);
      assertThat(journal.run("run-2")).isEmpty();
    }
  }

  @Test
  void anIntentWithoutCompletionIsUnfinishedAndItsStateIsSavedWithIt() {
    try (Journal journal = Journal.open(newStore(), CLOCK)) {
      journal.startRun("run-1", "h", "{}", List.of("vm-1", "vm-2"));
      long first = journal.intend("run-1", state("vm-1", MovePhase.VALIDATING, ""), "Validate");
      journal.complete(
          first, "run-1", state("vm-1", MovePhase.MIGRATING, ""), Stage.DONE, "validated");
      long second =
          journal.intend("run-1", state("vm-1", MovePhase.MIGRATING, ""), "StartMigration");

      assertThat(second).isGreaterThan(first);
      assertThat(journal.unfinishedSteps("run-1"))
          .singleElement()
          .satisfies(
              step -> {
                assertThat(step.id()).isEqualTo(second);
                assertThat(step.action()).isEqualTo("StartMigration");
                assertThat(step.stage()).isEqualTo(Stage.INTENT);
              });
      assertThat(journal.steps("run-1"))
          .extracting(StepRecord::stage, StepRecord::detail)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(Stage.DONE, "validated"),
              org.assertj.core.groups.Tuple.tuple(Stage.INTENT, ""));
      assertThat(journal.moves("run-1").get(0).phase()).isEqualTo(MovePhase.MIGRATING);
    }
  }

  @Test
  void outcomeParametersAndCodesComeBackAsWritten() {
    try (Journal journal = Journal.open(newStore(), CLOCK)) {
      journal.startRun("run-1", "h", "{}", List.of("vm-1"));
      MoveState failed =
          new MoveState(
              "vm-1",
              MovePhase.FAILED,
              2,
              1,
              "VM_MIGRATE_FAILED",
              ImmutableList.of("OpaqueRef:1", "", "a, b; 'c' \"d\" é"));
      journal.saveMove("run-1", failed);
      journal.finishRun("run-1", RunStatus.FAILED);

      assertThat(journal.moves("run-1")).containsExactly(failed);
      assertThat(journal.run("run-1").orElseThrow().status()).isEqualTo(RunStatus.FAILED);
    }
  }

  @Test
  void completedMovesKeepLargeCountsAndAnUnknownDowntime() {
    try (Journal journal = Journal.open(newStore(), CLOCK)) {
      CompletedMove measured =
          new CompletedMove(
              "run-1", "vm-1", "h1", "h2", 64L << 30, 123.456789, OptionalDouble.of(87.25));
      CompletedMove unknown =
          new CompletedMove(
              "run-1", "vm-2", "h1", "h2", 5_000_000_000L, 0.5, OptionalDouble.empty());
      journal.recordCompleted(measured);
      journal.recordCompleted(unknown);
      journal.recordCompleted(measured);

      assertThat(journal.completedMoves()).containsExactly(measured, unknown);
    }
  }

  @Test
  void aHostHoldIsOneRowPerHostWithItsLatestState() {
    try (Journal journal = Journal.open(newStore(), CLOCK)) {
      journal.holdHost("run-1", "pool-a", "host-2", RunHost.HostState.DISABLED);
      journal.holdHost("run-1", "pool-a", "host-1", RunHost.HostState.DISABLED);
      journal.holdHost("run-1", "pool-a", "host-2", RunHost.HostState.ENABLED);

      assertThat(journal.hosts("run-1"))
          .extracting(RunHost::hostUuid, RunHost::state)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("host-1", RunHost.HostState.DISABLED),
              org.assertj.core.groups.Tuple.tuple("host-2", RunHost.HostState.ENABLED));
    }
  }

  @Test
  void cancellingARunCancelsOnlyTheMovesNotHandedOff() {
    try (Journal journal = Journal.open(newStore(), CLOCK)) {
      journal.startRun("run-1", "h", "{}", List.of("vm-1", "vm-2", "vm-3"));
      journal.saveMove("run-1", state("vm-2", MovePhase.MIGRATING, ""));
      journal.saveMove("run-1", state("vm-3", MovePhase.SUCCEEDED, ""));

      assertThat(journal.cancelRun("run-1")).isEqualTo(1);
      assertThat(journal.moves("run-1"))
          .extracting(MoveState::phase)
          .containsExactly(MovePhase.CANCELLED, MovePhase.MIGRATING, MovePhase.SUCCEEDED);
      assertThat(journal.run("run-1").orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
    }
  }

  @Test
  void twoOpenersOfOneDatabaseSeeEachOthersRunsNewestFirstAndReopeningKeepsThem() {
    StoreLocation store = newStore();
    Clock later = Clock.offset(CLOCK, java.time.Duration.ofMinutes(5));
    try (Journal daemon = Journal.open(store, CLOCK);
        Journal commandLine = Journal.open(store, later)) {
      daemon.startRun("run-daemon", "h", "{}", List.of("vm-1"));
      long intent =
          daemon.intend("run-daemon", state("vm-1", MovePhase.MIGRATING, ""), "StartMigration");
      commandLine.startRun("run-cli", "h", "{}", List.of("vm-2"));

      assertThat(commandLine.runs())
          .extracting(RunRecord::runId)
          .containsExactly("run-cli", "run-daemon");
      assertThat(commandLine.unfinishedSteps("run-daemon"))
          .extracting(StepRecord::id)
          .containsExactly(intent);
    }
    try (Journal reopened = Journal.open(store, CLOCK)) {
      assertThat(reopened.runs()).hasSize(2);
      assertThat(reopened.location()).isEqualTo(store);
    }
  }
}

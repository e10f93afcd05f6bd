package io.xemigrate.tests.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.coordinator.move.MovePhase;
import io.xemigrate.coordinator.move.MoveState;
import io.xemigrate.coordinator.run.Cleanup;
import io.xemigrate.coordinator.run.CleanupResult;
import io.xemigrate.coordinator.run.RunOptions;
import io.xemigrate.coordinator.run.RunSummary;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.simulator.migration.Fault;
import io.xemigrate.simulator.migration.FaultKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fault matrix of issue 7: every simulator fault at every step of a five-VM cross-pool move
 * where it applies, then {@code run-resume} and {@code cleanup}; afterwards every VM runs exactly
 * once, the journal agrees with both pools, every VIF is attached with its MAC, nothing migrated
 * twice. Migration faults fire at their own migration phase; the others are injected when the
 * victim move reaches each coordinator step (through the run listener, on the move's thread).
 */
class FaultMatrixTest {
  private static final String VICTIM = "web-01";

  /** Virtual time runs this much faster than real time: a cell's moves take well under a second. */
  private static final double SPEED =
      Double.parseDouble(System.getProperty("matrix.speed", "2000"));

  @TempDir Path dir;

  /**
   * Every applicable (fault, step) pair; {@code -Dmatrix.only=KIND} or {@code KIND:STEP} narrows
   * the matrix to some cells while one is being investigated.
   */
  static List<Arguments> cells() {
    String only = System.getProperty("matrix.only", "");
    return allCells().stream()
        .filter(cell -> only.isEmpty() || (cell.get()[0] + ":" + cell.get()[1]).startsWith(only))
        .toList();
  }

  private static List<Arguments> allCells() {
    List<Arguments> cells = new ArrayList<>();
    for (FaultKind kind : FaultKind.values()) {
      if (isMigrationFault(kind)) {
        cells.add(Arguments.of(kind, MatrixStep.OWN_PHASE));
        continue;
      }
      for (MatrixStep step : MatrixStep.values()) {
        if (step != MatrixStep.OWN_PHASE) {
          cells.add(Arguments.of(kind, step));
        }
      }
    }
    return cells;
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cells")
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void faultThenResumeLeavesEveryVmRunningOnce(FaultKind kind, MatrixStep step) {
    try (SimulatedPools pools = new SimulatedPools(dir.resolve("journal.db"), SPEED)) {
      MigrationPlan plan = pools.planFive();
      MovePlan victim = plan.move(pools.uuidOf(VICTIM)).orElseThrow();
      Fault fault = MatrixFaults.of(kind, step, victim, pools);
      FaultTrigger trigger =
          new FaultTrigger(victim.vmUuid(), step, () -> pools.migration.service().inject(fault));
      if (step == MatrixStep.OWN_PHASE) {
        pools.migration.service().inject(fault);
      }

      pools.coordinator(RunOptions.defaults(), trigger).apply("run-matrix", plan);
      RunSummary resumed = pools.coordinator(RunOptions.defaults()).resume("run-matrix");

      assertThat(trigger.fired() || step == MatrixStep.OWN_PHASE)
          .as("the victim reached %s", step)
          .isTrue();
      assertThat(pools.journal.run("run-matrix").orElseThrow().status())
          .isEqualTo(resumed.status());
      MatrixInvariants.assertSettled(pools, plan, "run-matrix");
      // No crash here: every journaled intent has its completion.
      assertThat(pools.journal.unfinishedSteps("run-matrix")).isEmpty();

      CleanupResult cleaned = Cleanup.clean(List.of(pools.clientA, pools.clientB), pools.journal);

      assertThat(cleaned.failed()).as("leftovers cleanup could not remove").isEmpty();
      MoveState outcome =
          pools.journal.moves("run-matrix").stream()
              .filter(state -> state.vmUuid().equals(victim.vmUuid()))
              .findFirst()
              .orElseThrow();
      expectedVictimPhase(kind, step)
          .ifPresent(phase -> assertThat(outcome.phase()).as("victim").isEqualTo(phase));
      // One line per cell: the table of outcomes in tests/README.md comes from these.
      System.out.printf(
          "matrix %s %s: victim %s %s, run %s, cleanup removed %d, others failed %s%n",
          kind,
          step,
          outcome.phase(),
          outcome.outcomeCode(),
          resumed.status(),
          cleaned.removed().size(),
          resumed.results().stream()
              .filter(result -> !result.ok() && !result.vmUuid().equals(victim.vmUuid()))
              .map(result -> result.vmName() + " " + result.outcomeCode())
              .toList());
      MatrixInvariants.assertSettled(pools, plan, "run-matrix");
      MatrixInvariants.assertNoLeftovers(pools, plan, "run-matrix");
    }
  }

  /**
   * Where the victim must end, when the fault decides it: a migration fault before the switch-over
   * fails the move cleanly (the VM stays or is restarted on its source); after it, or a fault once
   * the VM has arrived, the move succeeds; a slow NIC only slows. Elsewhere, whatever the pools
   * say.
   */
  private static Optional<MovePhase> expectedVictimPhase(FaultKind kind, MatrixStep step) {
    return switch (kind) {
      case FAIL_DISK_COPY,
          MIRROR_FAILED,
          FAIL_METADATA_IMPORT,
          FAIL_MEMORY_PRECOPY,
          FAIL_AFTER_SUSPEND ->
          Optional.of(MovePhase.FAILED);
      case FAIL_FINAL_HANDSHAKE, FAIL_CLEANUP, SLOW_NIC -> Optional.of(MovePhase.SUCCEEDED);
      case REFUSE_CONNECTIONS,
          RESET_RPC_CONNECTIONS,
          MASTER_FAILOVER,
          TOOLSTACK_RESTART,
          TAKE_DESTINATION_MEMORY,
          EXPIRE_SESSIONS ->
          step == MatrixStep.DURING_VERIFYING ? Optional.of(MovePhase.SUCCEEDED) : Optional.empty();
    };
  }

  private static boolean isMigrationFault(FaultKind kind) {
    return switch (kind) {
      case FAIL_DISK_COPY,
          MIRROR_FAILED,
          FAIL_METADATA_IMPORT,
          FAIL_MEMORY_PRECOPY,
          FAIL_AFTER_SUSPEND,
          FAIL_FINAL_HANDSHAKE,
          FAIL_CLEANUP ->
          true;
      case REFUSE_CONNECTIONS,
          RESET_RPC_CONNECTIONS,
          SLOW_NIC,
          MASTER_FAILOVER,
          TOOLSTACK_RESTART,
          TAKE_DESTINATION_MEMORY,
          EXPIRE_SESSIONS ->
          false;
    };
  }
}

package io.xemigrate.tests.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.plugin.coordinator.MovePhase;
import io.xemigrate.plugin.coordinator.MoveState;
import io.xemigrate.plugin.run.RunOptions;
import io.xemigrate.simulator.migration.Fault;
import io.xemigrate.simulator.migration.FaultKind;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A simulator fault in one move of the five-VM plan, then {@code run-resume}: the faulty move ends
 * where the pools say it is, every VM runs exactly once, the journal agrees with both pools.
 */
class FaultResumeTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
    // The last handshake fails but the VM runs at the destination: verified, not retried.
    "FAIL_FINAL_HANDSHAKE, SUCCEEDED",
    // xapi halted the VM on its source: the coordinator starts it there again.
    "FAIL_AFTER_SUSPEND, FAILED",
    "MIRROR_FAILED, FAILED",
    "FAIL_MEMORY_PRECOPY, FAILED"
  })
  void settlesAFaultByWhereTheVmIs(FaultKind kind, MovePhase expected) {
    try (SimulatedPools pools = new SimulatedPools(dir.resolve("journal.db"))) {
      MigrationPlan plan = pools.planFive();
      String victim = pools.uuidOf("web-01");
      pools.migration.service().inject(Fault.migration(kind, victim));

      pools.coordinator(RunOptions.defaults()).apply("run-fault", plan);
      pools.coordinator(RunOptions.defaults()).resume("run-fault");

      MoveState move =
          pools.journal.moves("run-fault").stream()
              .filter(state -> state.vmUuid().equals(victim))
              .findFirst()
              .orElseThrow();
      assertThat(move.phase()).isEqualTo(expected);
      pools.assertInvariants(plan, "run-fault", kind == FaultKind.FAIL_FINAL_HANDSHAKE);
    }
  }
}

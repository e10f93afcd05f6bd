package io.xemigrate.tests.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.coordinator.journal.RunRecord.RunStatus;
import io.xemigrate.coordinator.move.MovePhase;
import io.xemigrate.coordinator.move.MoveState;
import io.xemigrate.coordinator.run.MoveResult;
import io.xemigrate.coordinator.run.RunOptions;
import io.xemigrate.coordinator.run.RunSummary;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.MoveSchedule;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.Vif;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run loop against the simulator: a five-VM cross-pool plan, end to end. */
class RunCoordinatorTest {
  @TempDir Path dir;

  @Test
  void appliesAFiveVmCrossPoolPlanEndToEnd() {
    try (SimulatedPools pools = new SimulatedPools(dir.resolve("journal.db"))) {
      MigrationPlan scheduled = pools.planFive();

      RunSummary summary = pools.coordinator(RunOptions.defaults()).apply("run-1", scheduled);

      assertThat(summary.status()).isEqualTo(RunStatus.SUCCEEDED);
      assertThat(summary.results()).extracting(MoveResult::phase).containsOnly(MovePhase.SUCCEEDED);
      pools.assertInvariants(scheduled, "run-1");
      assertThat(pools.journal.completedMoves()).hasSize(5);
      assertThat(pools.journal.unfinishedSteps("run-1")).isEmpty();
    }
  }

  @Test
  void waitsForASlotWhenXapiRefusesAFourthMigrateSend() {
    // At 50x each of the five copies lasts seconds of real time, so all five are asked for while
    // the first three still run, however slowly a loaded machine starts them (at 400x the first
    // could end before the fourth was sent, and nothing was refused).
    try (SimulatedPools pools = new SimulatedPools(dir.resolve("journal.db"), 50)) {
      MigrationPlan scheduled = pools.planFive();

      MigrationPlan unscheduled =
          scheduled.withMoves(
              scheduled.moves().stream()
                  .map(move -> move.withSchedule(MoveSchedule.unscheduled()))
                  .toList());

      // Five at once from one host: xapi refuses two with TOO_MANY_STORAGE_MIGRATES.
      RunSummary summary =
          pools
              .coordinator(RunOptions.defaults().withMaxPerSourceHost(5))
              .apply("run-slots", unscheduled);

      assertThat(summary.status()).isEqualTo(RunStatus.SUCCEEDED);
      assertThat(pools.journal.moves("run-slots")).anyMatch(move -> move.slotWaits() > 0);
      assertThat(pools.journal.steps("run-slots"))
          .anyMatch(step -> step.action().equals("WaitForSlot"));
      pools.assertInvariants(scheduled, "run-slots");
    }
  }

  @Test
  void plugsAVifTheDestinationLeftDetached() {
    try (SimulatedPools pools = new SimulatedPools(dir.resolve("journal.db"))) {
      MigrationPlan scheduled = pools.planFive();
      pools.coordinator(RunOptions.defaults()).apply("run-vif", scheduled);
      String web = pools.uuidOf("web-01");
      PoolInventory b = pools.destination.fresh();
      Vif vif = b.vifsOf(b.vm(web).orElseThrow()).get(0);
      var store = pools.simulator.pool("pool-b").store();
      String ref = store.findByUuid(XapiClass.VIF, vif.uuid()).orElseThrow().ref();
      store.set(XapiClass.VIF, ref, "currently_attached", false);
      // As if the process had died after the migration, before the verification.
      pools.journal.saveMove(
          "run-vif",
          new MoveState(
              web, MovePhase.VERIFYING, 0, 0, "", com.google.common.collect.ImmutableList.of()));

      RunSummary resumed = pools.coordinator(RunOptions.defaults()).resume("run-vif");

      assertThat(resumed.status()).isEqualTo(RunStatus.SUCCEEDED);
      assertThat(pools.journal.steps("run-vif"))
          .anyMatch(step -> step.vmUuid().equals(web) && step.action().equals("PlugVifs"));
      pools.assertInvariants(scheduled, "run-vif");
    }
  }
}

package io.xemigrate.tests.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.coordinator.journal.DataDirectory;
import io.xemigrate.coordinator.journal.RunRecord;
import io.xemigrate.coordinator.journal.RunRecord.RunStatus;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.PlanJson;
import io.xemigrate.tests.cli.CliProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vm-migrate ... yes=true} as a process against the in-process simulator: it plans,
 * schedules and applies five cross-pool moves through the coordinator, journaling into its data
 * directory, which this test reads back to check the same invariants as {@link RunCoordinatorTest}.
 */
class VmMigrateCommandTest {
  @TempDir Path dir;

  @Test
  void movesFiveVmsAcrossPoolsAndJournalsTheRun() throws IOException {
    Path data = dir.resolve("data");
    try (SimulatedPools pools = new SimulatedPools(DataDirectory.journal(data))) {
      Path endpoints = dir.resolve("endpoints.json");
      pools.simulator.writeEndpoints(endpoints);
      CliProcess cli = new CliProcess(Files.createDirectories(dir.resolve("config")), data);

      CliProcess.Result result =
          cli.run(
              "vm-migrate",
              "vm=" + String.join(",", SimulatedPools.FIVE_VMS),
              "destination=pool-b",
              "yes=true",
              "pools=" + endpoints);

      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(result.out()).contains("5 of 5 VMs move");
      assertThat(pools.journal.runs()).hasSize(1);
      RunRecord run = pools.journal.runs().get(0);
      assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
      MigrationPlan applied = PlanJson.read(run.planJson());
      assertThat(applied.movableCount()).isEqualTo(5);
      assertThat(applied.schedule().scheduled()).isTrue();
      pools.assertInvariants(applied, run.runId());
      assertThat(pools.journal.unfinishedSteps(run.runId())).isEmpty();
    }
  }
}

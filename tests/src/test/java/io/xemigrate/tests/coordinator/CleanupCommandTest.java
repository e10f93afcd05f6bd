package io.xemigrate.tests.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xemigrate.coordinator.journal.DataDirectory;
import io.xemigrate.coordinator.run.RunOptions;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.simulator.migration.Fault;
import io.xemigrate.simulator.migration.FaultKind;
import io.xemigrate.tests.cli.CliProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cleanup} as a process on the halted source record a failed final handshake leaves: it
 * refuses to go ahead without a terminal or {@code yes=true}, then removes it; bad input is one
 * line with exit 2.
 */
class CleanupCommandTest {
  @TempDir Path dir;

  @Test
  void removesTheHaltedDuplicateAfterConfirmation() throws IOException {
    Path data = dir.resolve("data");
    try (SimulatedPools pools = new SimulatedPools(DataDirectory.journal(data))) {
      Path endpoints = dir.resolve("endpoints.json");
      pools.simulator.writeEndpoints(endpoints);
      CliProcess cli = new CliProcess(Files.createDirectories(dir.resolve("config")), data);
      MigrationPlan plan = pools.planFive();
      String victim = pools.uuidOf("web-01");
      pools.migration.service().inject(Fault.migration(FaultKind.FAIL_FINAL_HANDSHAKE, victim));
      pools.coordinator(RunOptions.defaults()).apply("run-fault", plan);
      pools.assertInvariants(plan, "run-fault", true);

      CliProcess.Result unasked = cli.run("cleanup", "pool=pool-a", "pools=" + endpoints);
      CliProcess.Result cleaned =
          cli.run("--json", "cleanup", "pool=pool-a", "yes=true", "pools=" + endpoints);
      CliProcess.Result nothing =
          cli.run("cleanup", "pool=pool-b", "yes=true", "pools=" + endpoints);
      CliProcess.Result unknown = cli.run("cleanup", "pool=nope", "pools=" + endpoints);

      assertThat(unasked.exitCode()).isEqualTo(2);
      assertThat(unasked.out()).contains("web-01").contains("halted duplicate of web-01");
      assertThat(HostMaintenanceTest.errors(unasked))
          .singleElement()
          .asString()
          .contains("not a terminal: add yes=true");
      assertThat(cleaned.exitCode()).as(cleaned.err()).isZero();
      JsonNode report = new ObjectMapper().readTree(cleaned.out());
      assertThat(report.get("removed").size()).isEqualTo(report.get("leftovers").size());
      assertThat(report.get("failed").size()).isZero();
      assertThat(report.get("removed").findValuesAsText("uuid")).contains(victim);
      pools.assertInvariants(plan, "run-fault");
      assertThat(nothing.exitCode()).isZero();
      assertThat(nothing.out()).contains("pool pool-b: nothing to clean");
      assertThat(unknown.exitCode()).isEqualTo(2);
      assertThat(HostMaintenanceTest.errors(unknown))
          .singleElement()
          .asString()
          .contains("unknown pool 'nope' in pool=");
    }
  }
}

package io.xemigrate.tests.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.tests.cli.CliProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A daemon job ({@code job-run config=}, the daemon's job executor in one process) journals the
 * same steps as the batch run straight through the coordinator's {@code BatchService}: the daemon
 * keeps only schedules and job records.
 */
class OneBatchFromTheDaemonTest {
  @TempDir Path dir;

  @Test
  void anEvacuationJobJournalsTheServicesSteps() throws IOException {
    Path journal = dir.resolve("journal.db");
    try (SimulatedPools pools = new SimulatedPools(journal)) {
      pools.simulator.writeEndpoints(dir.resolve("endpoints.json"));
      Path config = dir.resolve("daemon.yaml");
      Files.writeString(
          config,
          """
          pools: endpoints.json
          database: journal.db
          jobs:
            - name: evacuate
              schedule: "0 0 1 1 *"
              action: evacuate-hosts
              source: pool-a
              hosts: [%s]
              destination: pool-b
              blocked: skip
          """
              .formatted(OneBatch.HOST),
          StandardCharsets.UTF_8);
      CliProcess cli = new CliProcess(Files.createDirectories(dir.resolve("config")));

      CliProcess.Result result = cli.run("job-run", "job=evacuate", "config=" + config);

      assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
      assertThat(OneBatch.onlyRun(journal)).isEqualTo(OneBatch.reference(dir.resolve("reference")));
    }
  }
}

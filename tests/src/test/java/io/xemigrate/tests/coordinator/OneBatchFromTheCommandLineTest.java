package io.xemigrate.tests.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.coordinator.journal.DataDirectory;
import io.xemigrate.tests.cli.CliProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code host-evacuate} as a process journals the same steps as the batch run straight through the
 * coordinator's {@code BatchService}: the command line keeps only arguments and the terminal.
 */
class OneBatchFromTheCommandLineTest {
  @TempDir Path dir;

  @Test
  void hostEvacuateJournalsTheServicesSteps() throws IOException {
    Path data = dir.resolve("data");
    Path journal = DataDirectory.journal(data);
    try (SimulatedPools pools = new SimulatedPools(journal)) {
      Path endpoints = dir.resolve("endpoints.json");
      pools.simulator.writeEndpoints(endpoints);
      CliProcess cli = new CliProcess(Files.createDirectories(dir.resolve("config")), data);

      CliProcess.Result result =
          cli.run(
              "host-evacuate",
              "host=" + OneBatch.HOST,
              "destination=pool-b",
              "yes=true",
              "pools=" + endpoints);

      assertThat(result.exitCode()).as(result.err()).isEqualTo(3); // three VMs blocked
      assertThat(OneBatch.onlyRun(journal)).isEqualTo(OneBatch.reference(dir.resolve("reference")));
    }
  }
}

package io.xemigrate.tests.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.simulator.Simulator;
import io.xemigrate.simulator.SimulatorOptions;
import io.xemigrate.simulator.migration.MigrationExtension;
import io.xemigrate.simulator.scenario.Scenario;
import io.xemigrate.simulator.scenario.ScenarioLoader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenStack's XenAPI client for Python (Debian's {@code python3-os-xenapi}, which {@code .ci/run}
 * installs) as an independent client of the simulator: a real {@code python3} process reads the
 * endpoints file, logs in through a member of each pool and follows {@code HOST_IS_SLAVE} the way
 * {@code os_xenapi}'s session does, lists objects, follows {@code event.from} and moves a VM to the
 * other pool with {@code Async.VM.migrate_send} (script: {@code
 * os-xenapi/migrate_across_pools.py}). Fails when the package is missing: it is part of the build.
 */
class OsXenapiClientTest {
  @TempDir Path directory;

  @Test
  void osXenapiLogsInThroughAMemberListsFollowsEventsAndMigratesAcrossPools() throws Exception {
    Scenario scenario = ScenarioLoader.loadBundled("two-pools.yaml");
    // A running clock: the Python client cannot step a manual one. Its waits are event.from
    // calls, so the outcome does not depend on how fast the machine is.
    SimulatorOptions options = SimulatorOptions.atSpeed(1000);
    Path endpoints = directory.resolve("endpoints.json");
    Process process;
    String output;
    try (MigrationExtension migration = MigrationExtension.of(scenario, options.clock());
        Simulator simulator = Simulator.start(scenario, options.withExtension(migration))) {
      simulator.writeEndpoints(endpoints);
      process =
          new ProcessBuilder(python(), script().toString(), endpoints.toString())
              .redirectErrorStream(true)
              .start();
      process.getOutputStream().close();
      output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(output).isTrue();
    }

    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output)
        .contains("ok: log in through a member, follow HOST_IS_SLAVE to the master")
        .contains("ok: list hosts and VMs: 3 hosts")
        .contains("ok: follow event.from")
        .contains(
            "ok: VM.migrate_send to the other pool: web-01 runs on b2 with 0=aa:bb:cc:00:00:01")
        .contains("steps: 4 ok, 0 failed");
  }

  /**
   * Debian's interpreter, where Debian's package installs ({@code /usr/lib/python3/dist-packages}):
   * a {@code python3} found first on the PATH (pyenv, a virtualenv) does not see it.
   */
  private static String python() {
    Path debian = Path.of("/usr/bin/python3");
    return Files.isExecutable(debian) ? debian.toString() : "python3";
  }

  private static Path script() throws URISyntaxException {
    return Path.of(
        OsXenapiClientTest.class.getResource("/os-xenapi/migrate_across_pools.py").toURI());
  }
}

package io.xemigrate.plugin.cli;

import com.google.common.collect.ImmutableSet;
import io.xemigrate.coordinator.pools.PoolProfile;
import io.xemigrate.plugin.capture.CaptureWindow;
import io.xemigrate.plugin.capture.PoolCapture;
import io.xemigrate.plugin.capture.ScenarioCapture;
import io.xemigrate.simulator.scenario.Scenario;
import io.xemigrate.simulator.scenario.ScenarioException;
import io.xemigrate.simulator.scenario.ScenarioGenerator;
import io.xemigrate.simulator.scenario.ScenarioLoader;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.PowerState;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * {@code sim-capture}: reads a live pool (inventory, PIF speeds, RRD history over the window)
 * through xapi-client and writes a simulator scenario of it, to rehearse a plan with {@code sim}.
 */
final class SimCaptureCommand implements Command {

  /** The {@code --json} document. */
  record CaptureSummary(
      String pool,
      int hosts,
      int vms,
      long running,
      long withLoads,
      int srs,
      int networks,
      long windowSeconds,
      long intervalSeconds,
      int hostsRead,
      String out) {}

  @Override
  public String name() {
    return "sim-capture";
  }

  @Override
  public String summary() {
    return "Capture a pool (inventory, RRD loads) as a simulator scenario to rehearse plans on";
  }

  @Override
  public String synopsis() {
    return "sim-capture pool=<pool> out=SCENARIO.yaml [window=DURATION] [pools=FILE] [--json]";
  }

  @Override
  public ImmutableSet<String> keys() {
    return ImmutableSet.<String>builder()
        .add("pool", "out", "window")
        .addAll(PoolParameters.KEYS)
        .build();
  }

  @Override
  public ExitCode run(Arguments arguments, Console console) {
    arguments.required("pool");
    OutputFile out = OutputFile.of("out", arguments.required("out"));
    CaptureWindow window =
        arguments
            .optional("window")
            .map(
                text ->
                    CaptureWindow.parse(text)
                        .orElseThrow(
                            () ->
                                new UsageException(
                                    "window must be a duration from 5m to 7d such as 30m, 2h or"
                                        + " 1d, not '"
                                        + text
                                        + "'")))
            .orElse(CaptureWindow.defaultWindow());
    PoolParameters pools = CommandSupport.pools(arguments, console);
    PoolProfile profile = pools.pool("pool");
    PoolCapture capture =
        pools
            .connector()
            .withClient(
                profile,
                client ->
                    PoolCapture.read(
                        client,
                        window,
                        warning -> console.err().println("xe-migrate: warning: " + warning)));
    PoolInventory inventory = capture.inventory();
    String name =
        inventory.pool().nameLabel().isBlank() ? profile.name() : inventory.pool().nameLabel();
    Scenario scenario = ScenarioCapture.of(name, inventory, capture.loads());
    String yaml = header(name, window) + ScenarioGenerator.toYaml(scenario);
    try {
      // What sim will read: a capture that does not load is our bug, not the user's input.
      ScenarioLoader.parse(out.target().toString(), yaml);
    } catch (ScenarioException e) {
      console.error(
          "the capture of pool "
              + name
              + " does not load as a scenario ("
              + Messages.plain(e.getMessage())
              + "); nothing was written, please report it");
      return ExitCode.FAILED;
    }
    out.write(yaml, false);
    CaptureSummary summary = summary(name, capture, out);
    if (console.json()) {
      console.line(Json.write(summary));
      return ExitCode.DONE;
    }
    console.line(
        String.format(
            Locale.ROOT,
            "captured pool %s: %d hosts, %d VMs (%d running, %d with RRD loads), %d SRs,"
                + " %d networks; RRD over %d s at %d s rows from %d of %d hosts",
            name,
            summary.hosts(),
            summary.vms(),
            summary.running(),
            summary.withLoads(),
            summary.srs(),
            summary.networks(),
            window.seconds(),
            window.intervalSeconds(),
            capture.hostsRead(),
            summary.hosts()));
    console.line(
        "wrote " + out.target() + "; rehearse with: xe-migrate sim scenario=" + out.target());
    return ExitCode.DONE;
  }

  private static CaptureSummary summary(String name, PoolCapture capture, OutputFile out) {
    PoolInventory inventory = capture.inventory();
    return new CaptureSummary(
        name,
        inventory.hosts().size(),
        inventory.guests().size(),
        inventory.guests().stream().filter(vm -> vm.powerState() == PowerState.RUNNING).count(),
        inventory.guests().stream().filter(vm -> capture.loads().vm(vm.uuid()).isPresent()).count(),
        inventory.srs().size(),
        inventory.networks().size(),
        capture.window().seconds(),
        capture.window().intervalSeconds(),
        capture.hostsRead(),
        out.target().toString());
  }

  private static String header(String pool, CaptureWindow window) {
    return "# Captured from pool "
        + pool
        + " by xe-migrate sim-capture at "
        + Instant.now().truncatedTo(ChronoUnit.SECONDS)
        + ", RRD over the last "
        + window.seconds()
        + " s.\n"
        + "# Hidden workloads: each running VM's kind holds the RRD means (fixed); dirty rate and\n"
        + "# working set are a prior (xe-plugin README, sim-capture). The login below is the\n"
        + "# simulator's own, not the pool's: no credential of the pool is in this file.\n";
  }
}

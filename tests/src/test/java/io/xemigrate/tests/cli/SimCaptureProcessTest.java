package io.xemigrate.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.xemigrate.coordinator.planning.PoolObservationsReader;
import io.xemigrate.coordinator.pools.ConfigPaths;
import io.xemigrate.coordinator.pools.PoolConnector;
import io.xemigrate.coordinator.pools.PoolDirectory;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.planner.plan.PlanJson;
import io.xemigrate.planner.plan.Verdict;
import io.xemigrate.planner.predict.CalibrationObservations;
import io.xemigrate.planner.schedule.InventoryTopology;
import io.xemigrate.planner.schedule.PoolObservations;
import io.xemigrate.planner.schedule.Topology;
import io.xemigrate.simulator.Simulator;
import io.xemigrate.simulator.SimulatorOptions;
import io.xemigrate.simulator.scenario.ScenarioLoader;
import io.xemigrate.xapi.PoolClient;
import io.xemigrate.xapi.model.PoolInventory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rehearsal on a copy of a pool, as an operator does it, with real processes: {@code sim-capture}
 * reads pool-a of the two-pools scenario (served over pinned HTTPS by a simulator in this JVM),
 * {@code sim} serves the capture in its own JVM, and the same evacuation is planned on both: every
 * move of the plan made on the copy is predicted within 10 % of the plan made on the pool, and so
 * is the bandwidth the RRD-aware topology leaves each host.
 */
class SimCaptureProcessTest {
  private static final double TOLERANCE = 0.10;

  @TempDir Path dir;

  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void aPlanMadeOnTheCapturePredictsEveryMoveWithinTenPercentOfThePool()
      throws IOException, InterruptedException {
    CliProcess cli = new CliProcess(Files.createDirectories(dir.resolve("config")));
    try (Simulator original =
        Simulator.start(
            ScenarioLoader.loadBundled("two-pools.yaml"), SimulatorOptions.manualClock())) {
      Path poolEndpoints = dir.resolve("pool.json");
      original.writeEndpoints(poolEndpoints);
      Path capture = dir.resolve("capture.yaml");

      CliProcess.Result captured =
          cli.run("sim-capture", "pool=pool-a", "out=" + capture, "pools=" + poolEndpoints);
      assertThat(captured.exitCode()).as(captured.err()).isZero();
      assertThat(captured.out()).contains("rehearse with: xe-migrate sim scenario=" + capture);

      Path copyEndpoints = dir.resolve("copy.json");
      Process sim =
          cli.start(
              dir.resolve("sim.err"),
              "sim",
              "scenario=" + capture,
              "endpoints-out=" + copyEndpoints);
      try {
        awaitServing(sim);
        MigrationPlan onPool = plan(cli, poolEndpoints, "pool");
        MigrationPlan onCopy = plan(cli, copyEndpoints, "copy");

        assertSamePredictions(onPool, onCopy);
        assertSameBandwidthLeft(poolEndpoints, copyEndpoints);
      } finally {
        sim.destroy();
        assertThat(sim.waitFor(60, TimeUnit.SECONDS)).isTrue();
      }
    }
  }

  private static void assertSamePredictions(MigrationPlan onPool, MigrationPlan onCopy) {
    Map<String, MovePlan> copied =
        onCopy.moves().stream().collect(Collectors.toMap(MovePlan::vmUuid, Function.identity()));
    assertThat(copied.keySet())
        .isEqualTo(onPool.moves().stream().map(MovePlan::vmUuid).collect(Collectors.toSet()));
    long scheduled = 0;
    for (MovePlan move : onPool.moves()) {
      MovePlan copy = copied.get(move.vmUuid());
      assertThat(copy.verdict()).as(move.vmName()).isEqualTo(move.verdict());
      if (move.verdict() != Verdict.OK) {
        continue;
      }
      scheduled++;
      double seconds = move.schedule().durationSeconds();
      assertThat(copy.schedule().durationSeconds())
          .as("predicted time of %s", move.vmName())
          .isCloseTo(seconds, within(TOLERANCE * seconds));
      double downtime = move.schedule().downtimeSeconds();
      assertThat(copy.schedule().downtimeSeconds())
          .as("predicted downtime of %s", move.vmName())
          .isCloseTo(downtime, within(Math.max(TOLERANCE * downtime, 0.001)));
    }
    assertThat(scheduled).isGreaterThanOrEqualTo(4);
    assertThat(onCopy.schedule().makespanSeconds())
        .isCloseTo(
            onPool.schedule().makespanSeconds(),
            within(TOLERANCE * onPool.schedule().makespanSeconds()));
  }

  /** The NIC bandwidth and SR throughput the RRDs leave, host by host and SR by SR. */
  private static void assertSameBandwidthLeft(Path poolEndpoints, Path copyEndpoints) {
    Topology pool = observedTopology(poolEndpoints);
    Topology copy = observedTopology(copyEndpoints);
    for (String host : pool.hosts().keySet()) {
      double left = pool.host(host).nicBytesPerSecond();
      assertThat(copy.host(host).nicBytesPerSecond())
          .as("bandwidth left on host %s", host)
          .isCloseTo(left, within(TOLERANCE * left));
    }
  }

  private static Topology observedTopology(Path endpoints) {
    ConfigPaths paths =
        ConfigPaths.fromEnvironment(Map.of("XDG_CONFIG_HOME", endpoints.getParent().toString()));
    PoolDirectory directory = PoolDirectory.load(endpoints);
    PoolConnector connector = new PoolConnector(paths, Map.of(), warning -> {});
    return connector.withClient(
        directory.resolve("pool-a", "pool"),
        (PoolClient client) -> {
          PoolInventory inventory = client.loadInventory();
          PoolObservations observed = PoolObservationsReader.read(client, inventory, 600);
          return InventoryTopology.of(
              java.util.List.of(inventory), Set.of(), CalibrationObservations.none(), observed);
        });
  }

  private static MigrationPlan plan(CliProcess cli, Path endpoints, String name)
      throws IOException {
    Path plan = endpoints.resolveSibling(name + "-plan.json");
    CliProcess.Result result =
        cli.run("host-evacuate-plan", "host=a1,a2", "out=" + plan, "pools=" + endpoints);
    // 3: some VMs are blocked by the checks (the pool's PCI and vGPU guests, and the copy's).
    assertThat(result.exitCode()).as(result.err()).isIn(0, 3);
    return PlanJson.read(Files.readString(plan, StandardCharsets.UTF_8));
  }

  /** Reads the simulator's output up to its "serving" line (the endpoints file is written). */
  private static void awaitServing(Process sim) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(sim.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith("serving at speed")) {
        return;
      }
    }
    throw new AssertionError("sim ended before serving the capture");
  }
}

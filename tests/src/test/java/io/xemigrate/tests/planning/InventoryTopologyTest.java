package io.xemigrate.tests.planning;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.coordinator.planning.PoolObservationsReader;
import io.xemigrate.planner.predict.CalibrationObservations;
import io.xemigrate.planner.predict.DirtyRateEstimator;
import io.xemigrate.planner.predict.MoveDemand;
import io.xemigrate.planner.predict.MoveDemands;
import io.xemigrate.planner.predict.MoveInterval;
import io.xemigrate.planner.predict.PrecopyModel;
import io.xemigrate.planner.schedule.InventoryTopology;
import io.xemigrate.planner.schedule.MoveIntervals;
import io.xemigrate.planner.schedule.PoolObservations;
import io.xemigrate.planner.schedule.Topology;
import io.xemigrate.simulator.Endpoints;
import io.xemigrate.simulator.Simulator;
import io.xemigrate.simulator.SimulatorOptions;
import io.xemigrate.simulator.scenario.ScenarioLoader;
import io.xemigrate.storage.estimate.SrThroughput;
import io.xemigrate.xapi.ClientSettings;
import io.xemigrate.xapi.PoolClient;
import io.xemigrate.xapi.Secret;
import io.xemigrate.xapi.TrustPolicy;
import io.xemigrate.xapi.XapiClients;
import io.xemigrate.xapi.model.Network;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.Sr;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two-pools scenario read over XenAPI and its hosts' RRDs: NIC speeds arrive as {@code
 * PIF_metrics.speed}, no hint in other_config; observed NIC traffic and disk I/O lower the links.
 */
class InventoryTopologyTest {
  private static Simulator simulator;
  private static PoolInventory poolA;

  @BeforeAll
  static void load() {
    simulator =
        Simulator.start(
            ScenarioLoader.loadBundled("two-pools.yaml"), SimulatorOptions.manualClock());
    Endpoints.PoolEndpoint pool = simulator.endpoints().pool("pool-a");
    Secret password = Secret.of(pool.password());
    try (PoolClient client =
        XapiClients.connect(
            ClientSettings.login(pool.master(), pool.username(), () -> password)
                .withTrust(TrustPolicy.pinned(pool.tlsFingerprint())))) {
      poolA = client.loadInventory();
    }
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @Test
  void nicSpeedsComeFromTheTransferNetworksPifMetrics() {
    String host = hostNamed("a1");
    Network migration = networkNamed("migration");

    Topology onMigration =
        InventoryTopology.of(
            List.of(poolA), Set.of(migration.uuid()), CalibrationObservations.none());
    Topology onManagement =
        InventoryTopology.of(List.of(poolA), Set.of(), CalibrationObservations.none());

    assertThat(onMigration.host(host).nicBytesPerSecond()).isEqualTo(25_000e6 / 8);
    assertThat(onManagement.host(host).nicBytesPerSecond()).isEqualTo(10_000e6 / 8);
  }

  @Test
  void withoutHintsSrsAreUnmeasuredAndVmsCarryNoDirtyRate() {
    Sr nfs = srNamed("a-nfs");
    Topology topology =
        InventoryTopology.of(List.of(poolA), Set.of(), CalibrationObservations.none());

    assertThat(topology.storage().throughputOf(nfs.uuid())).isEqualTo(SrThroughput.UNMEASURED);
    assertThat(poolA.guests())
        .allSatisfy(
            vm ->
                assertThat(vm.otherConfig().keySet()).noneMatch(k -> k.startsWith("xe-migrate:")));
  }

  @Test
  void whatTheRrdsShowLowersNicsNotUnmeasuredSrsAndEveryMoveGetsAnInterval() {
    String host = hostNamed("a1");
    PoolObservations observed;
    try (PoolClient client = connect()) {
      observed = PoolObservationsReader.read(client, poolA, 600);
    }
    assertThat(observed.nicInUse(host, "eth0")).isPositive();
    Topology nominal =
        InventoryTopology.of(List.of(poolA), Set.of(), CalibrationObservations.none());
    Topology left =
        InventoryTopology.of(List.of(poolA), Set.of(), CalibrationObservations.none(), observed);
    assertThat(left.host(host).nicBytesPerSecond())
        .isLessThan(nominal.host(host).nicBytesPerSecond())
        .isGreaterThanOrEqualTo(
            nominal.host(host).nicBytesPerSecond() * InventoryTopology.LEAST_LEFT);
    Sr nfs = srNamed("a-nfs");
    // Nobody measured this SR: guests' I/O is not taken off an assumed speed.
    assertThat(left.storage().throughputOf(nfs.uuid()).writeBytesPerSecond())
        .isEqualTo(SrThroughput.UNMEASURED.writeBytesPerSecond());

    DirtyRateEstimator estimator = new DirtyRateEstimator(CalibrationObservations.none());
    MoveDemands demands = new MoveDemands(estimator);
    String a2 = hostNamed("a2");
    List<MoveDemand> moves =
        poolA.residentOn(host).stream().map(vm -> demands.of(vm, a2, List.of(), false, 0)).toList();
    Map<String, MoveInterval> intervals =
        MoveIntervals.of(moves, List.of(poolA), estimator, left, PrecopyModel.xenDefaults());
    assertThat(intervals).hasSameSizeAs(moves);
    assertThat(intervals.values())
        .allSatisfy(
            i -> {
              assertThat(i.p10Seconds()).isLessThanOrEqualTo(i.p50Seconds());
              assertThat(i.p50Seconds()).isLessThanOrEqualTo(i.p90Seconds());
            });
  }

  private static PoolClient connect() {
    Endpoints.PoolEndpoint pool = simulator.endpoints().pool("pool-a");
    Secret password = Secret.of(pool.password());
    return XapiClients.connect(
        ClientSettings.login(pool.master(), pool.username(), () -> password)
            .withTrust(TrustPolicy.pinned(pool.tlsFingerprint())));
  }

  private static Sr srNamed(String name) {
    return poolA.srs().values().stream()
        .filter(s -> s.nameLabel().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static String hostNamed(String name) {
    return poolA.hosts().values().stream()
        .filter(h -> h.nameLabel().equals(name))
        .findFirst()
        .orElseThrow()
        .uuid();
  }

  private static Network networkNamed(String name) {
    return poolA.networks().values().stream()
        .filter(n -> n.nameLabel().equals(name))
        .findFirst()
        .orElseThrow();
  }
}

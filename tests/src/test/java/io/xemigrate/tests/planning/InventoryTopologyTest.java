package io.xemigrate.tests.planning;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.planner.predict.CalibrationObservations;
import io.xemigrate.planner.schedule.InventoryTopology;
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
import io.xemigrate.xapi.model.Vm;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two-pools scenario read over XenAPI: NIC speeds arrive as {@code PIF_metrics.speed}, SR
 * throughputs and VM dirtying as other_config hints, and the topology uses them.
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
  void srThroughputAndVmDirtyingComeFromOtherConfig() {
    Sr nfs =
        poolA.srs().values().stream()
            .filter(s -> s.nameLabel().equals("a-nfs"))
            .findFirst()
            .orElseThrow();
    Topology topology =
        InventoryTopology.of(List.of(poolA), Set.of(), CalibrationObservations.none());

    assertThat(topology.storage().throughputOf(nfs.uuid()))
        .isEqualTo(new SrThroughput(800e6, 800e6));
    Vm web =
        poolA.guests().stream()
            .filter(v -> v.nameLabel().equals("web-01"))
            .findFirst()
            .orElseThrow();
    assertThat(web.otherConfig())
        .containsEntry("xe-migrate:dirty-rate-mbyte", "20")
        .containsEntry("xe-migrate:wws-mib", "512");
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

package io.xemigrate.tests.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.simulator.Endpoints;
import io.xemigrate.simulator.Simulator;
import io.xemigrate.simulator.SimulatorOptions;
import io.xemigrate.simulator.scenario.ScenarioLoader;
import io.xemigrate.xapi.ClientSettings;
import io.xemigrate.xapi.PasswordSource;
import io.xemigrate.xapi.PoolClient;
import io.xemigrate.xapi.RrdFeed;
import io.xemigrate.xapi.TrustPolicy;
import io.xemigrate.xapi.XapiClients;
import io.xemigrate.xapi.model.RrdColumn;
import io.xemigrate.xapi.model.RrdUpdates;
import io.xemigrate.xapi.model.Vm;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * xapi-client reads RRD updates from each simulated host over real HTTPS, with the RPC channel's
 * pinned trust and session, incrementally.
 */
class RrdAgainstSimulatorTest {
  private static Simulator simulator;
  private static Endpoints.PoolEndpoint poolA;

  @BeforeAll
  static void start() {
    simulator =
        Simulator.start(
            ScenarioLoader.loadBundled("two-pools.yaml"), SimulatorOptions.manualClock());
    poolA = simulator.endpoints().pool("pool-a");
    simulator.clock().advance(Duration.ofMinutes(10));
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  private static ClientSettings settings(TrustPolicy trust) {
    return ClientSettings.login(
            poolA.master(),
            "auditor",
            PasswordSource.environment(
                "XE_TEST_PASSWORD", Map.of("XE_TEST_PASSWORD", "auditor-pass")))
        .withTrust(trust);
  }

  private static String hostUuid(String name) {
    return poolA.hosts().stream()
        .filter(h -> h.name().equals(name))
        .findFirst()
        .orElseThrow()
        .uuid();
  }

  @Test
  void eachHostExportsItsOwnSourcesAndItsRunningVms() {
    try (PoolClient client =
        XapiClients.connect(settings(TrustPolicy.pinned(poolA.tlsFingerprint())))) {
      String a2 = hostUuid("a2");
      RrdUpdates updates = client.rrdUpdates(a2, -300, 5);
      assertThat(updates.stepSeconds()).isEqualTo(5);
      assertThat(updates.rows()).hasSizeBetween(60, 61);
      assertThat(updates.columns())
          .contains(new RrdColumn("AVERAGE", "host", a2, "cpu_avg"))
          .contains(new RrdColumn("AVERAGE", "host", a2, "memory_free_kib"))
          .contains(new RrdColumn("AVERAGE", "host", a2, "pif_eth0_tx"));
      List<String> residents =
          client.loadInventory().residentOn(a2).stream().map(Vm::uuid).toList();
      assertThat(updates.columns().stream().filter(RrdColumn::isVm).map(RrdColumn::uuid).distinct())
          .isNotEmpty()
          .allSatisfy(uuid -> assertThat(residents).contains(uuid));
      // Background traffic shows on the NIC even with no migration running.
      assertThat(updates.mean("host", a2, "pif_eth0_tx").getAsDouble()).isPositive();
    }
  }

  @Test
  void aFeedReturnsEachRowOnce() {
    try (PoolClient client =
        XapiClients.connect(settings(TrustPolicy.pinned(poolA.tlsFingerprint())))) {
      RrdFeed feed = new RrdFeed(client, hostUuid("a1"), -60, 5);
      RrdUpdates first = feed.next();
      assertThat(first.rows()).isNotEmpty();
      assertThat(feed.next().rows()).isEmpty();
      simulator.clock().advance(Duration.ofSeconds(30));
      RrdUpdates second = feed.next();
      assertThat(second.rows()).hasSize(6);
      assertThat(second.rows().get(0).timeSeconds())
          .isEqualTo(first.rows().get(first.rows().size() - 1).timeSeconds() + 5);
    }
  }
}

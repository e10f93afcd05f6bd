package io.xemigrate.tests.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.simulator.Endpoints;
import io.xemigrate.simulator.Simulator;
import io.xemigrate.simulator.SimulatorOptions;
import io.xemigrate.simulator.scenario.ScenarioLoader;
import io.xemigrate.xapi.ClientSettings;
import io.xemigrate.xapi.PasswordSource;
import io.xemigrate.xapi.PoolClient;
import io.xemigrate.xapi.TrustPolicy;
import io.xemigrate.xapi.XapiClients;
import io.xemigrate.xapi.model.PoolInventory;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A pool whose master has an IPv6 management address: the simulator's first master listens on
 * {@code ::1}, so a member answers {@code HOST_IS_SLAVE ["::1"]} and {@code host.address} is {@code
 * ::1}, bare, as xapi sends them. The client must make {@code https://[::1]:PORT/} of it.
 */
class ClientIpv6AgainstSimulatorTest {
  private static Simulator simulator;
  private static Endpoints.PoolEndpoint poolA;

  @BeforeAll
  static void start() {
    simulator =
        Simulator.start(
            ScenarioLoader.loadBundled("two-pools.yaml"),
            SimulatorOptions.manualClock().withIpv6Master());
    poolA = simulator.endpoints().pool("pool-a");
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @Test
  void logsInThroughAMemberAndReachesTheIpv6Master() {
    Endpoints.HostEndpoint member =
        poolA.hosts().stream().filter(h -> !h.master()).findFirst().orElseThrow();
    ClientSettings settings =
        ClientSettings.login(
                member.url(), "root", PasswordSource.environment("P", Map.of("P", "xenroot")))
            .withTrust(TrustPolicy.pinned(member.tlsFingerprint(), poolA.tlsFingerprint()));

    try (PoolClient client = XapiClients.connect(settings)) {
      PoolInventory inventory = client.loadInventory();

      int port = simulator.endpoints().port();
      assertThat(poolA.master()).isEqualTo("https://[::1]:" + port);
      assertThat(client.masterAddress()).isEqualTo("[::1]:" + port);
      assertThat(inventory.master().address()).isEqualTo("::1");
      assertThat(inventory.hosts().values())
          .filteredOn(h -> !h.uuid().equals(inventory.master().uuid()))
          .allMatch(h -> h.address().matches("127\\.0\\.0\\.\\d+"));
    }
  }
}

package io.xemigrate.tests.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.simulator.Endpoints;
import io.xemigrate.simulator.Simulator;
import io.xemigrate.simulator.SimulatorOptions;
import io.xemigrate.simulator.scenario.ScenarioLoader;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.xapi.CancellationSignal;
import io.xemigrate.xapi.ClientSettings;
import io.xemigrate.xapi.InventoryTracker;
import io.xemigrate.xapi.PasswordSource;
import io.xemigrate.xapi.PoolClient;
import io.xemigrate.xapi.TaskChanges;
import io.xemigrate.xapi.TaskHandle;
import io.xemigrate.xapi.TrustPolicy;
import io.xemigrate.xapi.VmPlacement;
import io.xemigrate.xapi.XapiClients;
import io.xemigrate.xapi.XapiEventListener;
import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.PowerState;
import io.xemigrate.xapi.model.Task;
import io.xemigrate.xapi.model.Vm;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * xapi-client against the independent simulator, over real HTTPS pinned to the simulator's
 * certificate: the official SDK's typed API through the client's JSON-RPC transport.
 */
class ClientAgainstSimulatorTest {
  private static Simulator simulator;
  private static Endpoints.PoolEndpoint poolA;
  private static int baselineSessions;

  private final List<String> redirects = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    simulator =
        Simulator.start(
            ScenarioLoader.loadBundled("two-pools.yaml"), SimulatorOptions.manualClock());
    poolA = simulator.endpoints().pool("pool-a");
    baselineSessions = sessions();
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @AfterEach
  void sessionsBackToBaseline() {
    assertThat(sessions()).isEqualTo(baselineSessions);
  }

  private static int sessions() {
    return simulator.pool("pool-a").store().all(XapiClass.SESSION).size();
  }

  private ClientSettings settings(String url) {
    return settings(url, TrustPolicy.pinned(poolA.tlsFingerprint()));
  }

  private ClientSettings settings(String url, TrustPolicy trust) {
    return ClientSettings.login(
            url,
            "root",
            PasswordSource.environment("XE_TEST_PASSWORD", Map.of("XE_TEST_PASSWORD", "xenroot")))
        .withTrust(trust)
        .withListener(
            new XapiEventListener() {
              @Override
              public void redirect(String from, String to, String reason) {
                redirects.add(reason);
              }
            });
  }

  @Test
  void loadsTheInventoryOfPoolAThroughTheSdk() {
    try (PoolClient client = XapiClients.connect(settings(poolA.master()))) {
      PoolInventory inventory = client.loadInventory();

      assertThat(inventory.pool().nameLabel()).isEqualTo("pool-a");
      assertThat(inventory.hosts().values())
          .extracting(Host::nameLabel)
          .containsExactlyInAnyOrder("a1", "a2", "a3");
      assertThat(inventory.master().nameLabel()).isEqualTo("a1");
      assertThat(inventory.master().live()).isTrue();
      Vm backup =
          inventory.guests().stream()
              .filter(vm -> vm.nameLabel().equals("backup-target"))
              .findFirst()
              .orElseThrow();
      assertThat(inventory.disksOf(backup)).anyMatch(vdi -> vdi.cbtEnabled());
      assertThat(inventory.srs().values())
          .filteredOn(sr -> sr.type().equals("iscsi"))
          .allMatch(sr -> !sr.smCapabilities().contains("VDI_MIRROR"));
      assertThat(inventory.srs().values())
          .filteredOn(sr -> sr.type().equals("nfs"))
          .allMatch(sr -> sr.smCapabilities().contains("VDI_MIRROR"));
      assertThat(inventory.eventToken()).isNotEmpty();
    }
  }

  @Test
  void followsHostIsSlaveFromAMember() {
    Endpoints.HostEndpoint member =
        poolA.hosts().stream().filter(host -> !host.master()).findFirst().orElseThrow();
    // Each host has its own certificate: the first address used must be pinned too.
    TrustPolicy trust = TrustPolicy.pinned(poolA.tlsFingerprint(), member.tlsFingerprint());
    try (PoolClient client = XapiClients.connect(settings(member.url(), trust))) {
      assertThat(poolA.master()).endsWith(client.masterAddress());
      assertThat(client.loadInventory().hosts()).hasSize(3);
    }
    assertThat(redirects).containsExactly("HOST_IS_SLAVE");
  }

  @Test
  void seesAHostDisabledThroughEvents() {
    try (PoolClient client = XapiClients.connect(settings(poolA.master()))) {
      PoolInventory inventory = client.loadInventory();
      Host a2 =
          inventory.hosts().values().stream()
              .filter(host -> host.nameLabel().equals("a2"))
              .findFirst()
              .orElseThrow();
      InventoryTracker tracker = client.track(inventory);

      client.disableHost(a2.uuid());
      PoolInventory next = tracker.next(Duration.ofSeconds(5));

      assertThat(next.host(a2.uuid()).orElseThrow().enabled()).isFalse();
      client.enableHost(a2.uuid());
      assertThat(tracker.next(Duration.ofSeconds(5)).host(a2.uuid()).orElseThrow().enabled())
          .isTrue();
    }
  }

  @Test
  void followsShutdownAndStartTasksThroughEvents() {
    try (PoolClient client = XapiClients.connect(settings(poolA.master()))) {
      PoolInventory inventory = client.loadInventory();
      Vm web =
          inventory.guests().stream()
              .filter(vm -> vm.nameLabel().equals("web-04"))
              .findFirst()
              .orElseThrow();
      String host = web.residentOnHostUuid();
      List<Double> progress = new CopyOnWriteArrayList<>();

      Task shutdown =
          client.awaitTask(
              client.shutdownVm(web.uuid(), true),
              progress::add,
              CancellationSignal.never(),
              Duration.ofSeconds(5));
      assertThat(shutdown.status()).isEqualTo(Task.Status.SUCCESS);
      assertThat(client.placement(web.uuid()).orElseThrow().powerState())
          .isEqualTo(PowerState.HALTED);

      Task start =
          client.awaitTask(
              client.startVm(web.uuid(), host),
              progress::add,
              CancellationSignal.never(),
              Duration.ofSeconds(5));
      assertThat(start.status()).isEqualTo(Task.Status.SUCCESS);
      VmPlacement placement = client.placement(web.uuid()).orElseThrow();
      assertThat(placement.powerState()).isEqualTo(PowerState.RUNNING);
      assertThat(placement.residentOnHostUuid()).isEqualTo(host);
      assertThat(progress).contains(1.0);
    }
  }

  @Test
  void followsEveryTaskOfThePoolWithOneEventStream() {
    try (PoolClient client = XapiClients.connect(settings(poolA.master()))) {
      Vm web =
          client.loadInventory().guests().stream()
              .filter(vm -> vm.nameLabel().equals("web-04"))
              .findFirst()
              .orElseThrow();
      String token = client.taskChanges("", Duration.ZERO).token();
      TaskHandle shutdown = client.shutdownVm(web.uuid(), true);

      // Wait on the stream until the task's final record arrives: a change ends each wait early.
      Task seen = null;
      while (seen == null || !seen.status().isFinal()) {
        TaskChanges changes = client.taskChanges(token, Duration.ofSeconds(5));
        token = changes.token();
        seen = changes.changed().getOrDefault(shutdown.ref(), seen);
      }
      assertThat(seen.status()).isEqualTo(Task.Status.SUCCESS);
      client.awaitTask(
          client.startVm(web.uuid(), web.residentOnHostUuid()),
          progress -> {},
          CancellationSignal.never(),
          Duration.ofSeconds(5));
    }
  }
}

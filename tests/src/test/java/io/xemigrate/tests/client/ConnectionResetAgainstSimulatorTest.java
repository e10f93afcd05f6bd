package io.xemigrate.tests.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.Endpoints;
import io.xemigrate.simulator.Simulator;
import io.xemigrate.simulator.SimulatorOptions;
import io.xemigrate.simulator.VirtualClock;
import io.xemigrate.simulator.migration.Fault;
import io.xemigrate.simulator.migration.MigrationExtension;
import io.xemigrate.simulator.scenario.Scenario;
import io.xemigrate.simulator.scenario.ScenarioLoader;
import io.xemigrate.simulator.store.ObjectStore;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiRecord;
import io.xemigrate.xapi.ClientSettings;
import io.xemigrate.xapi.MigrateReceiveToken;
import io.xemigrate.xapi.MigrationSpec;
import io.xemigrate.xapi.PasswordSource;
import io.xemigrate.xapi.PoolClient;
import io.xemigrate.xapi.RetryPolicy;
import io.xemigrate.xapi.TrustPolicy;
import io.xemigrate.xapi.VmPlacement;
import io.xemigrate.xapi.XapiClients;
import io.xemigrate.xapi.XapiErrors;
import io.xemigrate.xapi.XapiEventListener;
import io.xemigrate.xapi.XapiException;
import io.xemigrate.xapi.model.Network;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.PowerState;
import io.xemigrate.xapi.model.Vdi;
import io.xemigrate.xapi.model.Vif;
import io.xemigrate.xapi.model.Vm;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator's RESET_RPC_CONNECTIONS fault against xapi-client: a reset read is sent again and
 * succeeds; a reset {@code migrate_send} is never sent again, surfaces {@code XE_OUTCOME_UNKNOWN},
 * and the caller settles the outcome by reading where the VM is in both pools.
 */
class ConnectionResetAgainstSimulatorTest {
  private static final String MIGRATE_SEND = "Async.VM.migrate_send";

  private final List<String> retries = new CopyOnWriteArrayList<>();
  private VirtualClock clock;
  private Simulator simulator;
  private MigrationExtension migration;

  @BeforeEach
  void start() {
    Scenario scenario = ScenarioLoader.loadBundled("two-pools.yaml");
    SimulatorOptions options = SimulatorOptions.manualClock();
    clock = options.clock();
    migration = MigrationExtension.of(scenario, clock);
    simulator = Simulator.start(scenario, options.withExtension(migration));
  }

  @AfterEach
  void stop() {
    simulator.close();
    migration.close();
  }

  private PoolClient connect(String poolName) {
    Endpoints.PoolEndpoint pool = simulator.endpoints().pool(poolName);
    XapiEventListener listener =
        new XapiEventListener() {
          @Override
          public void retryDecision(String method, int attempt, boolean retry, String reason) {
            retries.add(method + (retry ? " retried" : " not retried"));
          }
        };
    // No real back-off: the test never sleeps.
    return XapiClients.connect(
        ClientSettings.login(
                pool.master(), "root", PasswordSource.environment("P", Map.of("P", "xenroot")))
            .withTrust(TrustPolicy.pinned(pool.tlsFingerprint()))
            .withRetry(RetryPolicy.defaults(), duration -> {})
            .withListener(listener));
  }

  private String masterUuid(String poolName) {
    return simulator.endpoints().pool(poolName).hosts().stream()
        .filter(Endpoints.HostEndpoint::master)
        .findFirst()
        .orElseThrow()
        .uuid();
  }

  @Test
  void aReadWhoseConnectionIsResetIsSentAgainAndSucceeds() {
    try (PoolClient client = connect("pool-a")) {
      client.loadInventory();
      migration.service().inject(Fault.resetConnections(masterUuid("pool-a"), 1, false));

      PoolInventory inventory = client.loadInventory();

      assertThat(inventory.hosts()).hasSize(3);
      assertThat(retries).anyMatch(decision -> decision.endsWith(" retried"));
    }
  }

  @Test
  void aMigrateSendWhoseConnectionIsResetIsNotSentAgainAndItsOutcomeIsObserved() {
    try (PoolClient source = connect("pool-a");
        PoolClient destination = connect("pool-b")) {
      PoolInventory from = source.loadInventory();
      PoolInventory to = destination.loadInventory();
      Vm vm = guest(from, "web-01");
      String b1 = hostUuid(to, "b1");
      MigrationSpec spec = spec(from, to, vm);

      XapiException unknown;
      try (MigrateReceiveToken token =
          destination.migrateReceive(b1, to.managementNetwork().orElseThrow().uuid())) {
        // The call runs (its task starts), then the connection breaks before the answer.
        migration
            .service()
            .inject(Fault.resetConnections(masterUuid("pool-a"), "VM.migrate_send", 1, true));
        unknown = catchThrowableOfType(XapiException.class, () -> source.migrateSend(spec, token));
      }

      assertThat(unknown).isNotNull();
      assertThat(unknown.code()).isEqualTo(XapiErrors.OUTCOME_UNKNOWN);
      assertThat(retries).contains(MIGRATE_SEND + " not retried");
      List<XapiRecord> sends = migrateSendTasks();
      assertThat(sends).hasSize(1);

      // Settle the outcome the way a coordinator does: let time pass, then read both pools.
      awaitFinished(sends.get(0).ref());
      assertThat(source.placement(vm.uuid())).isEmpty();
      Optional<VmPlacement> arrived = destination.placement(vm.uuid());
      assertThat(arrived).isPresent();
      assertThat(arrived.get().powerState()).isEqualTo(PowerState.RUNNING);
      assertThat(arrived.get().residentOnHostUuid()).isEqualTo(b1);
      assertThat(migrateSendTasks()).hasSize(1);
    }
  }

  private List<XapiRecord> migrateSendTasks() {
    return simulator
        .pool("pool-a")
        .store()
        .where(XapiClass.TASK, task -> task.string("name_label").equals(MIGRATE_SEND));
  }

  /** Steps virtual time until the task leaves pending, waiting on store changes, never sleeping. */
  private void awaitFinished(String taskRef) {
    ObjectStore store = simulator.pool("pool-a").store();
    for (int i = 0; i < 20_000; i++) {
      if (!store.get(XapiClass.TASK, taskRef).string("status").equals("pending")) {
        assertThat(store.get(XapiClass.TASK, taskRef).string("status")).isEqualTo("success");
        return;
      }
      long generation = store.generation();
      clock.advance(Duration.ofSeconds(2));
      try {
        store.awaitGenerationAfter(generation, Duration.ofMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("migrate_send did not finish");
  }

  /** Every disk to the destination's default SR, every NIC to the network of the same name. */
  private static MigrationSpec spec(PoolInventory from, PoolInventory to, Vm vm) {
    ImmutableMap.Builder<String, String> vdis = ImmutableMap.builder();
    for (Vdi vdi : from.disksOf(vm)) {
      vdis.put(vdi.uuid(), to.pool().defaultSrUuid());
    }
    ImmutableMap.Builder<String, String> vifs = ImmutableMap.builder();
    for (Vif vif : from.vifsOf(vm)) {
      String name = from.network(vif.networkUuid()).orElseThrow().nameLabel();
      vifs.put(vif.uuid(), networkNamed(to, name).uuid());
    }
    return new MigrationSpec(
        vm.uuid(), true, vdis.buildOrThrow(), vifs.buildOrThrow(), ImmutableMap.of());
  }

  private static Vm guest(PoolInventory inventory, String name) {
    return inventory.guests().stream()
        .filter(vm -> vm.nameLabel().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static String hostUuid(PoolInventory inventory, String name) {
    return inventory.hosts().values().stream()
        .filter(host -> host.nameLabel().equals(name))
        .findFirst()
        .orElseThrow()
        .uuid();
  }

  private static Network networkNamed(PoolInventory inventory, String name) {
    return inventory.networks().values().stream()
        .filter(network -> network.nameLabel().equals(name))
        .findFirst()
        .orElseThrow();
  }
}

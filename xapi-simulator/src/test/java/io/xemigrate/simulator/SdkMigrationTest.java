package io.xemigrate.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xensource.xenapi.Host;
import com.xensource.xenapi.Network;
import com.xensource.xenapi.SR;
import com.xensource.xenapi.Session;
import com.xensource.xenapi.Task;
import com.xensource.xenapi.Types;
import com.xensource.xenapi.VBD;
import com.xensource.xenapi.VDI;
import com.xensource.xenapi.VIF;
import com.xensource.xenapi.VM;
import io.xemigrate.simulator.migration.MigrationExtension;
import io.xemigrate.simulator.scenario.Scenario;
import io.xemigrate.simulator.scenario.ScenarioLoader;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official SDK 8.1.0 moves a running VM with disks, a snapshot and NICs from pool-a to pool-b
 * of the shipped two-pools scenario, over HTTPS, in virtual time stepped by the test.
 */
class SdkMigrationTest {
  private static Simulator simulator;
  private static MigrationExtension migration;
  private static SSLSocketFactory previousFactory;
  private static RawConnection a;
  private static RawConnection b;

  @BeforeAll
  static void start() throws Exception {
    Scenario scenario = ScenarioLoader.loadBundled("two-pools.yaml");
    SimulatorOptions options = SimulatorOptions.manualClock();
    migration = MigrationExtension.of(scenario, options.clock());
    simulator = Simulator.start(scenario, options.withExtension(migration));
    Endpoints.PoolEndpoint poolA = simulator.endpoints().pool("pool-a");
    previousFactory = HttpsURLConnection.getDefaultSSLSocketFactory();
    HttpsURLConnection.setDefaultSSLSocketFactory(
        PinnedTls.trustingAll(simulator.endpoints()).getSocketFactory());
    a = login(poolA.master());
    b = login(simulator.endpoints().pool("pool-b").master());
  }

  @AfterAll
  static void stop() {
    HttpsURLConnection.setDefaultSSLSocketFactory(previousFactory);
    simulator.close();
    migration.close();
  }

  private static RawConnection login(String url) throws Exception {
    RawConnection connection = new RawConnection(new URL(url));
    Session.loginWithPassword(connection, "migrator", "migrator-pass", "1.0", "xe-migrate-test");
    return connection;
  }

  @Test
  void aRunningVmMovesAcrossPoolsThroughTheSdk() throws Exception {
    VM vm = VM.getByNameLabel(a, "web-01").iterator().next();
    String uuid = vm.getUuid(a);
    Set<String> macs = macs(a, vm);
    Host target = Host.getByNameLabel(b, "b2").iterator().next();
    Network migrationNetwork = Network.getByNameLabel(b, "migration").iterator().next();
    SR nfs = SR.getByNameLabel(b, "b-nfs").iterator().next();
    Network vmNetwork = Network.getByNameLabel(b, "VM network 100").iterator().next();
    Map<VDI, SR> vdiMap = new HashMap<>();
    for (VBD vbd : vm.getVBDs(a)) {
      if (vbd.getType(a) == Types.VbdType.DISK) {
        vdiMap.put(vbd.getVDI(a), nfs);
      }
    }
    Map<VIF, Network> vifMap = new HashMap<>();
    vm.getVIFs(a).forEach(vif -> vifMap.put(vif, vmNetwork));
    Map<String, String> dest = target.migrateReceive(b, migrationNetwork, Map.of());
    vm.assertCanMigrate(a, dest, true, vdiMap, vifMap, Map.of());

    Task task = vm.migrateSendAsync(a, dest, true, vdiMap, vifMap, Map.of());
    List<Double> progress = new ArrayList<>();
    while (task.getStatus(a) == Types.TaskStatusType.PENDING) {
      progress.add(task.getProgress(a));
      simulator.clock().advance(Duration.ofSeconds(10));
      // Waits on the task as a client would: event.from on the task, with a short timeout.
      com.xensource.xenapi.Event.from(a, Set.of("task/" + task.toWireString()), "", 0.05);
    }

    assertThat(task.getStatus(a)).isEqualTo(Types.TaskStatusType.SUCCESS);
    VM arrived = VM.getByUuid(b, uuid);
    assertThat(task.getResult(a)).contains(arrived.toWireString());
    assertThat(arrived.toWireString()).isNotEqualTo(vm.toWireString());
    assertThat(arrived.getPowerState(b)).isEqualTo(Types.VmPowerState.RUNNING);
    assertThat(arrived.getResidentOn(b).getNameLabel(b)).isEqualTo("b2");
    assertThat(macs(b, arrived)).isEqualTo(macs);
    assertThat(arrived.getSnapshots(b)).hasSize(1);
    assertThatThrownBy(() -> VM.getByUuid(a, uuid)).isInstanceOf(Types.UuidInvalid.class);
    assertThat(progress).isNotEmpty().allSatisfy(p -> assertThat(p).isBetween(0.0, 1.0));
    assertThat(migration.service().recorded())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.vmUuid()).isEqualTo(uuid);
              // The scenario's physics reached the model: web-01 converges, each pre-copy round
              // after the first pass sends less than the one before, and the last one is paused.
              var rounds = r.truth().rounds();
              for (int i = 2; i < rounds.size(); i++) {
                assertThat(rounds.get(i).bytes()).isLessThan(rounds.get(i - 1).bytes());
              }
              assertThat(rounds.get(rounds.size() - 1).paused()).isTrue();
              assertThat(r.truth().diskBytes()).isPositive();
            });
  }

  @Test
  void aVmWithCbtIsRefusedWithTheSdkException() throws Exception {
    VM vm = VM.getByNameLabel(a, "backup-target").iterator().next();
    Host target = Host.getByNameLabel(b, "b2").iterator().next();
    Network migrationNetwork = Network.getByNameLabel(b, "migration").iterator().next();
    SR nfs = SR.getByNameLabel(b, "b-nfs").iterator().next();
    Network vmNetwork = Network.getByNameLabel(b, "VM network 100").iterator().next();
    Map<VDI, SR> vdiMap = new HashMap<>();
    for (VBD vbd : vm.getVBDs(a)) {
      if (vbd.getType(a) == Types.VbdType.DISK) {
        vdiMap.put(vbd.getVDI(a), nfs);
      }
    }
    Map<VIF, Network> vifMap = new HashMap<>();
    vm.getVIFs(a).forEach(vif -> vifMap.put(vif, vmNetwork));
    Map<String, String> dest = target.migrateReceive(b, migrationNetwork, Map.of());

    assertThatThrownBy(() -> vm.assertCanMigrate(a, dest, true, vdiMap, vifMap, Map.of()))
        .isInstanceOf(Types.VdiCbtEnabled.class);
  }

  private static Set<String> macs(RawConnection connection, VM vm) throws Exception {
    Set<String> macs = new TreeSet<>();
    for (VIF vif : vm.getVIFs(connection)) {
      macs.add(
          vif.getDevice(connection) + "=" + vif.getMAC(connection) + "/" + vif.getUuid(connection));
    }
    return macs;
  }
}

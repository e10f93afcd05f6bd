package io.xemigrate.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
 * The official SDK 8.1.0 as an independent client, through its own {@code Connection} and XML-RPC
 * transport, as a user of it would: log in through a member and follow {@code HOST_IS_SLAVE} to the
 * bare master address on the pool's port, list objects, follow {@code event.from}, and move a
 * running VM to the other pool with {@code VM.migrate_send}. Only {@code event.from} is dispatched
 * raw, because SDK 8.1.0 cannot parse xapi's string timestamps.
 */
class SdkIndependentClientTest {
  private static Simulator simulator;
  private static MigrationExtension migration;
  private static SSLSocketFactory previousFactory;

  @BeforeAll
  static void start() throws Exception {
    Scenario scenario = ScenarioLoader.loadBundled("two-pools.yaml");
    SimulatorOptions options = SimulatorOptions.manualClock();
    migration = MigrationExtension.of(scenario, options.clock());
    simulator = Simulator.start(scenario, options.withExtension(migration));
    previousFactory = HttpsURLConnection.getDefaultSSLSocketFactory();
    // HttpsURLConnection also checks the host name: each host's certificate names its address.
    HttpsURLConnection.setDefaultSSLSocketFactory(
        PinnedTls.trustingAll(simulator.endpoints()).getSocketFactory());
  }

  @AfterAll
  static void stop() {
    HttpsURLConnection.setDefaultSSLSocketFactory(previousFactory);
    simulator.close();
    migration.close();
  }

  /** Logs in at a member; on HOST_IS_SLAVE, at https://MASTER:PORT as an SDK user would. */
  private static RawConnection loginThroughMember(String pool) throws Exception {
    Endpoints.HostEndpoint member =
        simulator.endpoints().pool(pool).hosts().stream()
            .filter(h -> !h.master())
            .findFirst()
            .orElseThrow();
    RawConnection first = new RawConnection(new URL(member.url()));
    Types.HostIsSlave redirect =
        catchThrowableOfType(
            Types.HostIsSlave.class,
            () -> Session.loginWithPassword(first, "migrator", "migrator-pass", "1.0", "sdk"));
    assertThat(redirect).isNotNull();
    assertThat(redirect.masterIPAddress).matches("127\\.0\\.0\\.\\d+");
    RawConnection master =
        new RawConnection(
            new URL("https://" + redirect.masterIPAddress + ":" + simulator.endpoints().port()));
    Session.loginWithPassword(master, "migrator", "migrator-pass", "1.0", "sdk");
    return master;
  }

  @Test
  void logsInThroughAMemberListsFollowsEventsAndMovesAVmAcrossPools() throws Exception {
    RawConnection a = loginThroughMember("pool-a");
    RawConnection b = loginThroughMember("pool-b");

    // List objects.
    assertThat(Host.getAllRecords(a).values())
        .extracting(h -> h.nameLabel)
        .containsExactlyInAnyOrder("a1", "a2", "a3");
    VM vm = VM.getByNameLabel(a, "web-01").iterator().next();
    assertThat(VM.getAllRecords(a)).containsKey(vm);

    // Follow event.from: a change made after the token is reported.
    String token =
        (String) a.call("event.from", a.getSessionReference(), List.of("vm"), "", 0.0).get("token");
    vm.addToOtherConfig(a, "sdk-test", "seen");
    Map<String, Object> batch =
        a.call("event.from", a.getSessionReference(), List.of("vm"), token, 5.0);
    assertThat((Object[]) batch.get("events"))
        .anySatisfy(
            e -> {
              Map<?, ?> event = (Map<?, ?>) e;
              assertThat(event.get("ref")).isEqualTo(vm.toWireString());
              assertThat(event.get("operation")).isEqualTo("mod");
            });

    // Cross-pool VM.migrate_send, host.migrate_receive on the destination.
    String uuid = vm.getUuid(a);
    Set<String> macs = macs(a, vm);
    Host target = Host.getByNameLabel(b, "b2").iterator().next();
    Map<String, String> dest =
        target.migrateReceive(
            b, Network.getByNameLabel(b, "migration").iterator().next(), Map.of());
    SR nfs = SR.getByNameLabel(b, "b-nfs").iterator().next();
    Map<VDI, SR> vdiMap = new HashMap<>();
    for (VBD vbd : vm.getVBDs(a)) {
      if (vbd.getType(a) == Types.VbdType.DISK) {
        vdiMap.put(vbd.getVDI(a), nfs);
      }
    }
    Network vmNetwork = Network.getByNameLabel(b, "VM network 100").iterator().next();
    Map<VIF, Network> vifMap = new HashMap<>();
    vm.getVIFs(a).forEach(vif -> vifMap.put(vif, vmNetwork));
    Task task = vm.migrateSendAsync(a, dest, true, vdiMap, vifMap, Map.of());
    while (task.getStatus(a) == Types.TaskStatusType.PENDING) {
      simulator.clock().advance(Duration.ofSeconds(10));
      a.call("event.from", a.getSessionReference(), List.of("task"), "", 0.05);
    }

    assertThat(task.getStatus(a)).isEqualTo(Types.TaskStatusType.SUCCESS);
    VM arrived = VM.getByUuid(b, uuid);
    assertThat(arrived.getPowerState(b)).isEqualTo(Types.VmPowerState.RUNNING);
    assertThat(arrived.getResidentOn(b).getNameLabel(b)).isEqualTo("b2");
    assertThat(macs(b, arrived)).isEqualTo(macs).contains("0=aa:bb:cc:00:00:01");
    Session.logout(a);
    Session.logout(b);
  }

  private static Set<String> macs(RawConnection connection, VM vm) throws Exception {
    Set<String> macs = new TreeSet<>();
    for (VIF vif : vm.getVIFs(connection)) {
      macs.add(vif.getDevice(connection) + "=" + vif.getMAC(connection));
    }
    return macs;
  }
}

package io.xemigrate.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xensource.xenapi.Host;
import com.xensource.xenapi.HostMetrics;
import com.xensource.xenapi.Message;
import com.xensource.xenapi.Network;
import com.xensource.xenapi.PBD;
import com.xensource.xenapi.PCI;
import com.xensource.xenapi.PGPU;
import com.xensource.xenapi.PIF;
import com.xensource.xenapi.Pool;
import com.xensource.xenapi.SM;
import com.xensource.xenapi.SR;
import com.xensource.xenapi.Session;
import com.xensource.xenapi.Task;
import com.xensource.xenapi.Types;
import com.xensource.xenapi.VBD;
import com.xensource.xenapi.VDI;
import com.xensource.xenapi.VGPU;
import com.xensource.xenapi.VIF;
import com.xensource.xenapi.VM;
import com.xensource.xenapi.VMGuestMetrics;
import com.xensource.xenapi.VMMetrics;
import com.xensource.xenapi.VUSB;
import io.xemigrate.simulator.scenario.ScenarioLoader;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official SDK 8.1.0, over its own XML-RPC transport and HTTPS pinned to the simulator's
 * fingerprint, against the shipped two-pools scenario.
 */
class SdkIntegrationTest {
  private static Simulator simulator;
  private static Endpoints.PoolEndpoint poolA;
  private static SSLSocketFactory previousFactory;

  @BeforeAll
  static void start() throws Exception {
    simulator =
        Simulator.start(
            ScenarioLoader.loadBundled("two-pools.yaml"), SimulatorOptions.manualClock());
    poolA = simulator.endpoints().pool("pool-a");
    previousFactory = HttpsURLConnection.getDefaultSSLSocketFactory();
    HttpsURLConnection.setDefaultSSLSocketFactory(
        PinnedTls.trustingAll(simulator.endpoints()).getSocketFactory());
  }

  @AfterAll
  static void stop() {
    HttpsURLConnection.setDefaultSSLSocketFactory(previousFactory);
    simulator.close();
  }

  private static RawConnection login(String url, String user, String password) throws Exception {
    RawConnection connection = new RawConnection(new URL(url));
    Session.loginWithPassword(connection, user, password, "1.0", "xe-migrate-test");
    return connection;
  }

  @Test
  void logsInOnTheMasterOverHttps() throws Exception {
    RawConnection connection = login(poolA.master(), "root", "xenroot");

    Pool pool = Pool.getAll(connection).iterator().next();
    assertThat(pool.getNameLabel(connection)).isEqualTo("pool-a");
    assertThat(pool.getMaster(connection).getNameLabel(connection)).isEqualTo("a1");
    Session.logout(connection);
  }

  @Test
  void memberAnswersHostIsSlaveWithTheMasterAddress() {
    String member = poolA.hosts().stream().filter(h -> !h.master()).findFirst().orElseThrow().url();

    assertThatThrownBy(() -> login(member, "root", "xenroot"))
        .isInstanceOfSatisfying(
            Types.HostIsSlave.class,
            e ->
                assertThat(poolA.master())
                    .isEqualTo(
                        "https://" + e.masterIPAddress + ":" + simulator.endpoints().port()));
  }

  @Test
  void memberAddsTheThumbprintHeaderWhenAsked() throws Exception {
    String member = poolA.hosts().stream().filter(h -> !h.master()).findFirst().orElseThrow().url();
    java.net.http.HttpClient client =
        java.net.http.HttpClient.newBuilder()
            .sslContext(PinnedTls.trustingAll(simulator.endpoints()))
            .build();
    String body =
        "{\"method\":\"session.login_with_password\",\"params\":[\"root\",\"xenroot\"],\"id\":1}";

    java.net.http.HttpResponse<String> response =
        client.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(member + "/jsonrpc"))
                .header("x-xenapi-request-host-certificate-thumbprint", "sha-256:master")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());

    assertThat(response.body()).contains("HOST_IS_SLAVE");
    assertThat(response.headers().firstValue("x-xenapi-response-host-certificate-thumbprint"))
        .contains(poolA.tlsFingerprint().substring("sha256:".length()));
  }

  @Test
  void badCredentialsAreRefused() {
    assertThatThrownBy(() -> login(poolA.master(), "root", "wrong"))
        .isInstanceOf(Types.SessionAuthenticationFailed.class);
  }

  @Test
  void readOnlyUserCannotDisableAHost() throws Exception {
    RawConnection connection = login(poolA.master(), "auditor", "auditor-pass");
    Host host = Host.getByNameLabel(connection, "a2").iterator().next();

    assertThatThrownBy(() -> host.disable(connection))
        .isInstanceOf(Types.RbacPermissionDenied.class);
    assertThat(host.getEnabled(connection)).isTrue();
  }

  @Test
  void everyClassParsesThroughTheSdk() throws Exception {
    RawConnection c = login(poolA.master(), "root", "xenroot");

    Map<String, Integer> sizes = new HashMap<>();
    sizes.put("pool", Pool.getAllRecords(c).size());
    sizes.put("host", Host.getAllRecords(c).size());
    sizes.put("host_metrics", HostMetrics.getAllRecords(c).size());
    sizes.put("VM", VM.getAllRecords(c).size());
    sizes.put("VM_metrics", VMMetrics.getAllRecords(c).size());
    sizes.put("VM_guest_metrics", VMGuestMetrics.getAllRecords(c).size());
    sizes.put("VBD", VBD.getAllRecords(c).size());
    sizes.put("VDI", VDI.getAllRecords(c).size());
    sizes.put("SR", SR.getAllRecords(c).size());
    sizes.put("PBD", PBD.getAllRecords(c).size());
    sizes.put("SM", SM.getAllRecords(c).size());
    sizes.put("VIF", VIF.getAllRecords(c).size());
    sizes.put("network", Network.getAllRecords(c).size());
    sizes.put("PIF", PIF.getAllRecords(c).size());
    sizes.put("task", Task.getAllRecords(c).size());
    sizes.put("message", Message.getAllRecords(c).size());
    sizes.put("PCI", PCI.getAllRecords(c).size());
    sizes.put("PGPU", PGPU.getAllRecords(c).size());
    sizes.put("VGPU", VGPU.getAllRecords(c).size());
    sizes.put("VUSB", VUSB.getAllRecords(c).size());

    assertThat(sizes)
        .containsEntry("pool", 1)
        .containsEntry("host", 3)
        .containsEntry("host_metrics", 3)
        .containsEntry("SR", 4)
        .containsEntry("network", 4)
        .containsEntry("PCI", 1)
        .containsEntry("VGPU", 1)
        .containsEntry("VUSB", 1);
    // 23 guests, 3 snapshots and 3 control domains.
    assertThat(sizes.get("VM")).isEqualTo(29);
  }

  @Test
  void recordsCarryTheScenario() throws Exception {
    RawConnection c = login(poolA.master(), "root", "xenroot");

    VM.Record db = VM.getByNameLabel(c, "db-02").iterator().next().getRecord(c);
    assertThat(db.powerState).isEqualTo(Types.VmPowerState.RUNNING);
    assertThat(db.memoryStaticMax).isEqualTo(16384L * 1024 * 1024);
    assertThat(db.snapshots).hasSize(2);
    assertThat(db.residentOn.getNameLabel(c)).isEqualTo("a1");
    assertThat(db.lastBootCPUFlags).containsKeys("vendor", "features");
    assertThat(db.allowedOperations)
        .contains(Types.VmOperations.MIGRATE_SEND, Types.VmOperations.POOL_MIGRATE);

    VM.Record legacy = VM.getByNameLabel(c, "legacy-nt").iterator().next().getRecord(c);
    assertThat(legacy.allowedOperations)
        .doesNotContain(Types.VmOperations.MIGRATE_SEND, Types.VmOperations.POOL_MIGRATE)
        .contains(Types.VmOperations.CLEAN_SHUTDOWN);

    VM.Record backup = VM.getByNameLabel(c, "backup-target").iterator().next().getRecord(c);
    List<Boolean> cbt =
        backup.VBDs.stream().map(vbd -> uncheck(() -> vbd.getVDI(c).getCbtEnabled(c))).toList();
    assertThat(cbt).containsExactlyInAnyOrder(false, true);

    Host.Record a1 = Host.getByNameLabel(c, "a1").iterator().next().getRecord(c);
    assertThat(a1.softwareVersion).containsEntry("platform_version", "3.2.1");
    assertThat(a1.cpuInfo).containsKey("features_hvm");
    assertThat(a1.virtualHardwarePlatformVersions).containsExactly(0L, 1L, 2L);
    assertThat(a1.memoryOverhead).isPositive();

    SR.Record raw = SR.getByNameLabel(c, "a-raw-lun").iterator().next().getRecord(c);
    SM.Record iscsi =
        SM.getAllRecords(c).values().stream()
            .filter(sm -> sm.type.equals(raw.type))
            .findFirst()
            .orElseThrow();
    assertThat(iscsi.capabilities).doesNotContain("VDI_MIRROR");
  }

  @Test
  void asyncLifecycleCallsFinishTheirTasks() throws Exception {
    RawConnection c = login(poolA.master(), "operator", "operator-pass");
    VM vm = VM.getByNameLabel(c, "web-04").iterator().next();

    Task task = vm.cleanShutdownAsync(c);
    waitForTask(c, task);

    assertThat(task.getStatus(c)).isEqualTo(Types.TaskStatusType.SUCCESS);
    assertThat(task.getProgress(c)).isEqualTo(1.0);
    assertThat(vm.getPowerState(c)).isEqualTo(Types.VmPowerState.HALTED);

    Task start = vm.startAsync(c, false, false);
    waitForTask(c, start);
    assertThat(start.getStatus(c)).isEqualTo(Types.TaskStatusType.SUCCESS);
    assertThat(vm.getPowerState(c)).isEqualTo(Types.VmPowerState.RUNNING);

    Task again = vm.startAsync(c, false, false);
    waitForTask(c, again);
    assertThat(again.getStatus(c)).isEqualTo(Types.TaskStatusType.FAILURE);
    assertThat(again.getErrorInfo(c)).first().isEqualTo("VM_BAD_POWER_STATE");
  }

  @Test
  void otherConfigCanBeEdited() throws Exception {
    RawConnection c = login(poolA.master(), "root", "xenroot");
    VM vm = VM.getByNameLabel(c, "web-02").iterator().next();

    vm.addToOtherConfig(c, "xe-migrate:plan", "p-1");
    assertThat(vm.getOtherConfig(c)).containsEntry("xe-migrate:plan", "p-1");
    assertThatThrownBy(() -> vm.addToOtherConfig(c, "xe-migrate:plan", "p-2"))
        .isInstanceOf(Types.MapDuplicateKey.class);
    vm.removeFromOtherConfig(c, "xe-migrate:plan");
    assertThat(vm.getOtherConfig(c)).doesNotContainKey("xe-migrate:plan");
  }

  /** Blocks on event.from for the task (raw dispatch: see the README on the SDK's Event.from). */
  private static void waitForTask(RawConnection c, Task task) throws Exception {
    String token = "";
    while (task.getStatus(c) == Types.TaskStatusType.PENDING) {
      Map<String, Object> result =
          c.call("event.from", c.getSessionReference(), new Object[] {"task"}, token, 30.0);
      token = (String) result.get("token");
    }
    assertThat(Set.of(Types.TaskStatusType.SUCCESS, Types.TaskStatusType.FAILURE))
        .contains(task.getStatus(c));
  }

  private interface Call<T> {
    T call() throws Exception;
  }

  private static <T> T uncheck(Call<T> call) {
    try {
      return call.call();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

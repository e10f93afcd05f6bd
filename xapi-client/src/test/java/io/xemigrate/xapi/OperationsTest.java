package io.xemigrate.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xemigrate.xapi.testing.FakeXapiServer;
import io.xemigrate.xapi.testing.RecordingListener;
import io.xemigrate.xapi.testing.Reply;
import io.xemigrate.xapi.testing.TestClients;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each coordinator operation sends the XenAPI call it names, with references resolved by UUID. */
class OperationsTest {
  private final Map<String, List<Object>> sent = new ConcurrentHashMap<>();
  private volatile String xapiVersion = "1.249";
  private final FakeXapiServer server =
      RetryTest.migrationServer(SessionTest.vmServer(new FakeXapiServer("pool-a")))
          .on("SR.get_by_uuid", params -> Reply.value("OpaqueRef:sr-local"))
          .on("pool.get_all", params -> Reply.value(new Object[] {"OpaqueRef:pool"}))
          .on("pool.get_master", params -> Reply.value("OpaqueRef:host-1"))
          .on(
              "host.get_software_version",
              params -> Reply.value(Map.of("xapi", xapiVersion, "platform_version", "3.4.0")));

  OperationsTest() {
    for (String method :
        List.of(
            "host.disable",
            "host.enable",
            "VIF.plug",
            "VM.assert_can_migrate",
            "Async.host.evacuate",
            "Async.VM.start_on",
            "Async.VM.clean_shutdown",
            "Async.VM.hard_shutdown",
            "Async.VM.pool_migrate",
            "Async.VDI.pool_migrate")) {
      server.on(
          method,
          params -> {
            sent.put(method, params);
            return Reply.value(method.startsWith("Async.") ? "OpaqueRef:task-" + method : "");
          });
    }
  }

  @AfterEach
  void close() {
    assertThat(server.activeSessionCount()).isZero();
    server.close();
  }

  private PoolClient connect() {
    return XapiClients.connect(TestClients.settings(server, "pool-a", new RecordingListener()));
  }

  @Test
  void hostMaintenanceCalls() {
    try (PoolClient client = connect()) {
      client.disableHost("host-2");
      client.enableHost("host-2");
      assertThat(client.evacuateHost("host-2").operation()).isEqualTo("Async.host.evacuate");
    }
    assertThat(sent.get("host.disable")).hasSize(2).element(1).isEqualTo("OpaqueRef:host-2");
    assertThat(sent.get("host.enable")).element(1).isEqualTo("OpaqueRef:host-2");
    assertThat(sent.get("Async.host.evacuate")).element(1).isEqualTo("OpaqueRef:host-2");
  }

  /** xapi 25.31.0 added auto_enable (default true): pass false so a restart keeps it disabled. */
  @Test
  void hostDisableOnARecentPoolPassesAutoEnableFalse() {
    xapiVersion = "25.31.0";
    try (PoolClient client = connect()) {
      client.disableHost("host-2");
    }
    assertThat(sent.get("host.disable")).hasSize(3);
    assertThat(sent.get("host.disable").get(1)).isEqualTo("OpaqueRef:host-2");
    assertThat(sent.get("host.disable").get(2)).isEqualTo(false);
  }

  @Test
  void vmAndVifCalls() {
    try (PoolClient client = connect()) {
      client.plugVif("vif-1");
      assertThat(client.startVm("vm-1", "host-2"))
          .isEqualTo(new TaskHandle("OpaqueRef:task-Async.VM.start_on", "Async.VM.start_on"));
      client.shutdownVm("vm-1", true);
      client.shutdownVm("vm-1", false);
      client.poolMigrate("vm-1", "host-2", Map.of("live", "true"));
      client.vdiPoolMigrate("vdi-1", "sr-local", Map.of());
    }
    assertThat(sent.get("VIF.plug")).element(1).isEqualTo("OpaqueRef:vif-1");
    assertThat(sent.get("Async.VM.start_on"))
        .containsExactly(
            sent.get("Async.VM.start_on").get(0),
            "OpaqueRef:vm-1",
            "OpaqueRef:host-2",
            false,
            false);
    assertThat(sent).containsKeys("Async.VM.clean_shutdown", "Async.VM.hard_shutdown");
    assertThat(sent.get("Async.VM.pool_migrate"))
        .endsWith("OpaqueRef:vm-1", "OpaqueRef:host-2", Map.of("live", "true"));
    assertThat(sent.get("Async.VDI.pool_migrate"))
        .endsWith("OpaqueRef:vdi-1", "OpaqueRef:sr-local", Map.of());
  }

  @Test
  void assertCanMigrateSendsTheMapsAndRaisesTheFirstFailingCheck() {
    try (PoolClient client = connect();
        MigrateReceiveToken destination = client.migrateReceive("host-2", "net-1")) {
      client.assertCanMigrate(RetryTest.spec(), destination);
      assertThat(sent.get("VM.assert_can_migrate").get(4))
          .isEqualTo(Map.of("OpaqueRef:vdi-1", "OpaqueRef:sr-9"));

      server.on(
          "VM.assert_can_migrate", params -> Reply.error("VDI_CBT_ENABLED", "OpaqueRef:vdi-1"));
      assertThatThrownBy(() -> client.assertCanMigrate(RetryTest.spec(), destination))
          .isInstanceOfSatisfying(
              XapiException.class,
              e -> {
                assertThat(e.code()).isEqualTo("VDI_CBT_ENABLED");
                assertThat(XapiErrorCatalog.explain(e)).contains("Disable changed block tracking");
              });
    }
  }

  @Test
  void aDestinationUuidThatTheTokenDoesNotKnowIsNotFound() {
    try (PoolClient client = connect();
        MigrateReceiveToken destination = client.migrateReceive("host-2", "net-1")) {
      MigrationSpec unknownSr =
          new MigrationSpec(
              "vm-1",
              true,
              com.google.common.collect.ImmutableMap.of("vdi-1", "sr-nowhere"),
              com.google.common.collect.ImmutableMap.of(),
              com.google.common.collect.ImmutableMap.of());
      assertThatThrownBy(() -> client.migrateSend(unknownSr, destination))
          .isInstanceOfSatisfying(
              XapiException.class, e -> assertThat(e.kind()).isEqualTo(XapiErrorKind.NOT_FOUND));
    }
    assertThat(server.count("Async.VM.migrate_send")).isZero();
  }

  @Test
  void aMigrateReceiveThatCannotCompleteLogsItsDestinationSessionOut() {
    server.on(
        "SR.get_all_records",
        params -> Reply.error("RBAC_PERMISSION_DENIED", "SR.get_all_records"));
    try (PoolClient client = connect()) {
      assertThatThrownBy(() -> client.migrateReceive("host-2", "net-1"))
          .isInstanceOf(XapiException.class);
      assertThat(server.received()).containsSubsequence("host.migrate_receive", "session.logout");
    }
  }

  @Test
  void aVmThisPoolDoesNotKnowHasNoPlacement() {
    server.on("VM.get_by_uuid", params -> Reply.error("UUID_INVALID", "VM", "vm-gone"));
    try (PoolClient client = connect()) {
      assertThat(client.placement("vm-gone")).isEmpty();
    }
  }
}

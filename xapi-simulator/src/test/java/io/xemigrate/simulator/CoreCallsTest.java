package io.xemigrate.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.xemigrate.simulator.api.VmLifecycle;
import io.xemigrate.simulator.rpc.PoolRuntime;
import io.xemigrate.simulator.scenario.ScenarioLoader;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiException;
import io.xemigrate.simulator.store.XapiRecord;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sessions, tasks, master changes and the lifecycle verdicts of the two-pools scenario. */
class CoreCallsTest {
  private Simulator simulator;
  private RawClient master;

  @BeforeEach
  void start() {
    simulator =
        Simulator.start(
            ScenarioLoader.loadBundled("two-pools.yaml"),
            SimulatorOptions.manualClock().withPlainHttp(true));
    master = new RawClient(simulator.endpoints().pool("pool-a").master());
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @ParameterizedTest
  @CsvSource({
    "web-01, ''",
    "legacy-nt, VM_LACKS_FEATURE",
    "gpu-render, VM_HAS_PCI_ATTACHED",
    "frozen-01, OPERATION_BLOCKED",
    "pinned-01, VM_IS_IMMOBILE",
    "vdi-desktop, VM_HAS_VGPU",
    "license-dongle, VM_HAS_VUSBS",
    "archive-01, ''",
  })
  void migrateSendVerdictsFollowTheLifecycleRules(String vm, String code) {
    PoolRuntime pool = simulator.pool("pool-a");
    XapiRecord record =
        pool.store().where(XapiClass.VM, r -> r.string("name_label").equals(vm)).get(0);

    Optional<XapiException> verdict = VmLifecycle.check(pool.store(), record, "migrate_send", true);

    assertThat(verdict.map(XapiException::code).orElse("")).isEqualTo(code);
    assertThat(record.strings("allowed_operations").contains("migrate_send"))
        .isEqualTo(code.isEmpty());
  }

  @Test
  void aNewMasterTakesOverAndTheOldOneRedirects() throws Exception {
    String session = master.login("root", "xenroot");
    String a2 = master.result("host.get_by_name_label", session, "a2").get(0).asText();

    master.result("pool.designate_new_master", session, a2);

    JsonNode redirected =
        master.json(true, "session.login_with_password", "root", "xenroot", "1.0", "t");
    assertThat(redirected.get("error").get("message").asText()).isEqualTo("HOST_IS_SLAVE");
    String newMaster = redirected.get("error").get("data").get(0).asText();
    assertThat(
            new RawClient("http://" + newMaster + ":" + simulator.endpoints().port())
                .login("root", "xenroot"))
        .startsWith("OpaqueRef:");
  }

  @Test
  void sessionsIdleForADayExpire() throws Exception {
    String session = master.login("root", "xenroot");
    simulator.clock().advance(Duration.ofHours(25));

    JsonNode failed = master.json(true, "pool.get_all", session);

    assertThat(failed.get("error").get("message").asText()).isEqualTo("SESSION_INVALID");
  }

  @Test
  void sessionsOverTheCapEvictTheLeastRecentlyActive() {
    PoolRuntime pool = simulator.pool("pool-a");
    String oldest =
        pool.sessions()
            .mint(
                "migrator",
                io.xemigrate.simulator.rpc.Role.VM_POWER_ADMIN,
                "t",
                pool.masterRef(),
                false)
            .ref();
    for (int i = 1; i < io.xemigrate.simulator.rpc.Sessions.CAP_PER_GROUP; i++) {
      simulator.clock().advance(Duration.ofSeconds(1));
      pool.sessions()
          .mint(
              "migrator",
              io.xemigrate.simulator.rpc.Role.VM_POWER_ADMIN,
              "t",
              pool.masterRef(),
              false);
    }
    assertThat(pool.sessions().isLive(oldest)).isTrue();

    simulator.clock().advance(Duration.ofSeconds(1));
    pool.sessions()
        .mint(
            "migrator",
            io.xemigrate.simulator.rpc.Role.VM_POWER_ADMIN,
            "t",
            pool.masterRef(),
            false);

    assertThat(pool.sessions().isLive(oldest)).isFalse();
  }

  @Test
  void cancelledTasksEndAsXapiLeavesThem() throws Exception {
    PoolRuntime pool = simulator.pool("pool-a");
    String task = pool.tasks().create("Async.VM.migrate_send", "", pool.masterRef(), true);
    String session = master.login("operator", "operator-pass");

    master.result("task.cancel", session, task);
    try {
      pool.tasks().throwIfCancelling(task);
    } catch (XapiException e) {
      pool.tasks().fail(task, e);
    }

    XapiRecord record = pool.store().get(XapiClass.TASK, task);
    assertThat(record.string("status")).isEqualTo("cancelled");
    assertThat(record.strings("error_info")).containsExactly("TASK_CANCELLED", task);
    assertThat(record.real("progress")).isEqualTo(1.0);
    assertThat(record.strings("allowed_operations")).isEmpty();
  }

  @Test
  void readOnlyUsersCannotCancelOthersTasks() throws Exception {
    PoolRuntime pool = simulator.pool("pool-a");
    String task = pool.tasks().create("Async.VM.migrate_send", "", pool.masterRef(), true);
    String session = master.login("auditor", "auditor-pass");

    JsonNode failed = master.json(true, "task.cancel", session, task);

    assertThat(failed.get("error").get("message").asText()).isEqualTo("RBAC_PERMISSION_DENIED");
  }

  @Test
  void recordsCanBeSelectedWithXapiExpressions() throws Exception {
    String session = master.login("root", "xenroot");
    String sr = master.result("SR.get_by_name_label", session, "a1-local").get(0).asText();

    JsonNode local =
        master.result(
            "VDI.get_all_records_where",
            session,
            "field \"SR\"=\"" + sr + "\" and not field \"is_a_snapshot\"=\"true\"");
    JsonNode cbt = master.result("VDI.get_all_where", session, "field \"cbt_enabled\"=\"true\"");
    JsonNode bad = master.json(true, "VDI.get_all_where", session, "field \"SR\" ==");

    assertThat(local).hasSize(1);
    assertThat(local.elements().next().get("name_label").asText()).startsWith("cache-01");
    assertThat(cbt).hasSize(1);
    assertThat(bad.get("error").get("message").asText()).isEqualTo("INTERNAL_ERROR");
  }

  @Test
  void vifsPlugOnlyOnRunningVms() throws Exception {
    String session = master.login("root", "xenroot");
    String vm = master.result("VM.get_by_name_label", session, "archive-01").get(0).asText();
    String vif = master.result("VM.get_VIFs", session, vm).get(0).asText();

    JsonNode failed = master.json(false, "VIF.plug", session, vif);

    assertThat(JsonRpcTest.strings(failed.get("error")))
        .containsExactly("VM_BAD_POWER_STATE", vm, "running", "halted");
  }
}

package io.xemigrate.simulator.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiException;
import io.xemigrate.simulator.store.XapiRecord;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IntraPoolMigrationTest {
  private final TestPools world = new TestPools();
  private final TestPools.Pool a = world.source;

  @AfterEach
  void close() {
    world.close();
  }

  @Test
  void poolMigrateMovesTheVmToTheTargetHostAndPostsVmMigrated() {
    String vm = a.vm("shared", a.hosts.get(1), 4, 20);

    String task = (String) a.call("Async.VM.pool_migrate", vm, a.hosts.get(2), ImmutableMap.of());
    XapiRecord done = a.await(task);

    assertThat(done.string("status")).isEqualTo("success");
    assertThat(a.get(XapiClass.VM, vm).string("resident_on")).isEqualTo(a.hosts.get(2));
    assertThat(a.get(XapiClass.VM, vm).string("scheduled_to_be_resident_on"))
        .isEqualTo("OpaqueRef:NULL");
    assertThat(a.store.all(XapiClass.MESSAGE))
        .anySatisfy(m -> assertThat(m.string("name")).isEqualTo("VM_MIGRATED"));
    assertThat(world.service.recorded().get(0).truth().diskBytes()).isZero();
  }

  @Test
  void poolMigrateChecksCpuBeforeTheLifecycleUnlessForced() {
    String vm = a.vm("picky", a.hosts.get(1), 4, 20);
    a.set(XapiClass.VM, vm, "blocked_operations", ImmutableMap.of("pool_migrate", "no"));
    a.set(
        XapiClass.HOST,
        a.hosts.get(2),
        "cpu_info",
        ImmutableMap.of(
            "cpu_count", "32", "vendor", "AuthenticAMD", "features_hvm", TestPools.FEATURES));

    assertThatThrownBy(() -> a.call("VM.pool_migrate", vm, a.hosts.get(2), ImmutableMap.of()))
        .isInstanceOfSatisfying(
            XapiException.class,
            e -> assertThat(e.code()).isEqualTo("VM_INCOMPATIBLE_WITH_THIS_HOST"));
    assertThatThrownBy(
            () -> a.call("VM.pool_migrate", vm, a.hosts.get(2), ImmutableMap.of("force", "true")))
        .isInstanceOfSatisfying(
            XapiException.class, e -> assertThat(e.code()).isEqualTo("OPERATION_BLOCKED"));
  }

  @Test
  void aMoveToAHostBeingEvacuatedFailsAtOnce() {
    String vm = a.vm("late", a.hosts.get(1), 2);
    String target = a.hosts.get(2);
    a.set(XapiClass.HOST, target, "current_operations", ImmutableMap.of("OpaqueRef:t", "evacuate"));

    assertThatThrownBy(() -> a.call("VM.pool_migrate", vm, target, ImmutableMap.of()))
        .isInstanceOfSatisfying(
            XapiException.class,
            e ->
                assertThat(e.description())
                    .containsExactly(
                        "OTHER_OPERATION_IN_PROGRESS", "host", target, "evacuate", "OpaqueRef:t"));
    assertThat(a.get(XapiClass.VM, vm).map("current_operations")).isEmpty();
  }

  @Test
  void vdiPoolMigrateMovesOneDiskAndReturnsItsNewVdi() {
    String vm = a.vm("disk-move", a.hosts.get(1), 2, 10);
    String vbd = a.get(XapiClass.VM, vm).strings("VBDs").get(0);
    String vdi = a.get(XapiClass.VBD, vbd).string("VDI");
    String lvm =
        a.store.create(
            XapiClass.SR,
            ImmutableMap.of("uuid", TestPools.uuid(), "name_label", "lvm", "type", "lvm"));
    for (String host : a.hosts) {
      a.store.create(
          XapiClass.PBD,
          ImmutableMap.of(
              "uuid", TestPools.uuid(), "host", host, "SR", lvm, "currently_attached", true));
    }

    String task = (String) a.call("Async.VDI.pool_migrate", vdi, lvm, ImmutableMap.of());
    XapiRecord done = a.await(task);

    assertThat(done.string("status")).isEqualTo("success");
    String moved = a.get(XapiClass.VBD, vbd).string("VDI");
    assertThat(moved).isNotEqualTo(vdi);
    assertThat(done.string("result")).contains(moved);
    assertThat(a.get(XapiClass.VDI, moved).string("SR")).isEqualTo(lvm);
    assertThat(a.store.find(XapiClass.VDI, vdi)).isEmpty();
    assertThat(a.get(XapiClass.VM, vm).string("resident_on")).isEqualTo(a.hosts.get(1));
  }

  @Test
  void evacuationMovesEveryGuestAndReportsBlockersFirst() {
    String host = a.hosts.get(1);
    String free = a.vm("free", host, 2);
    String stuck = a.vm("stuck", host, 2);
    a.set(XapiClass.VM, stuck, "blocked_operations", ImmutableMap.of("pool_migrate", "pinned"));

    @SuppressWarnings("unchecked")
    Map<String, Object> blockers =
        (Map<String, Object>) a.call("host.get_vms_which_prevent_evacuation", host);
    assertThat(blockers).containsOnlyKeys(stuck);
    assertThatThrownBy(() -> a.call("host.assert_can_evacuate", host))
        .isInstanceOfSatisfying(
            XapiException.class,
            e ->
                assertThat(e.description())
                    .containsExactly(
                        "CANNOT_EVACUATE_HOST", "OPERATION_BLOCKED," + stuck + ",pinned"));

    a.set(XapiClass.VM, stuck, "blocked_operations", ImmutableMap.of());
    String task = (String) a.call("Async.host.evacuate", host, "OpaqueRef:NULL", 1L);
    XapiRecord done = a.await(task);

    assertThat(done.string("status")).isEqualTo("success");
    assertThat(a.get(XapiClass.VM, free).string("resident_on")).isNotEqualTo(host);
    assertThat(a.get(XapiClass.VM, stuck).string("resident_on")).isNotEqualTo(host);
    assertThat(a.get(XapiClass.HOST, host).map("current_operations")).isEmpty();
  }
}

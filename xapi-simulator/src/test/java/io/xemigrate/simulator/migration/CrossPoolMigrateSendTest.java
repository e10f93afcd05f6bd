package io.xemigrate.simulator.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiException;
import io.xemigrate.simulator.store.XapiRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CrossPoolMigrateSendTest {
  private final TestPools world = new TestPools();

  @AfterEach
  void close() {
    world.close();
  }

  @Test
  void migrateReceiveReturnsTheFiveKeysWithUrlsOfTheReceivingHost() {
    Map<String, Object> dest = world.migrateReceive(1);

    assertThat(dest).containsOnlyKeys("SM", "host", "xenops", "session_id", "master");
    assertThat(dest.get("host")).isEqualTo(world.destination.hosts.get(1));
    assertThat((String) dest.get("xenops"))
        .startsWith("http://10.0.2.11/services/xenops?session_id=");
    assertThat(dest.get("master")).isEqualTo("http://10.0.2.10");
    assertThat(world.destination.runtime.sessions().isLive((String) dest.get("session_id")))
        .isTrue();
  }

  @Test
  void aRunningVmMovesToTheOtherPoolKeepingUuidAndMacsWithANewRef() {
    TestPools.Pool a = world.source;
    TestPools.Pool b = world.destination;
    String vm = a.vm("web-1", a.hosts.get(1), 4, 20, 10);
    XapiRecord before = a.get(XapiClass.VM, vm);
    List<String> macs = macs(a, before);
    List<String> sourceVdis = new ArrayList<>(world.vdiMapToDestination(vm).keySet());
    List<Double> progress = new CopyOnWriteArrayList<>();
    a.store.addDeriver(
        XapiClass.TASK,
        (task, store) -> {
          progress.add(task.real("progress"));
          return ImmutableMap.of();
        });
    Map<String, Object> dest = world.migrateReceive(2);
    a.call(
        "VM.assert_can_migrate",
        vm,
        dest,
        true,
        world.vdiMapToDestination(vm),
        world.vifMapToDestination(vm),
        ImmutableMap.of(),
        ImmutableMap.of());

    String task =
        (String)
            a.call(
                "Async.VM.migrate_send",
                vm,
                dest,
                true,
                world.vdiMapToDestination(vm),
                world.vifMapToDestination(vm),
                ImmutableMap.of(),
                ImmutableMap.of());
    XapiRecord done = a.await(task);

    assertThat(done.string("status")).isEqualTo("success");
    XapiRecord arrived = b.store.findByUuid(XapiClass.VM, before.uuid()).orElseThrow();
    assertThat(done.string("result")).contains(arrived.ref());
    assertThat(arrived.ref()).isNotEqualTo(vm);
    assertThat(arrived.string("power_state")).isEqualTo("Running");
    assertThat(arrived.string("resident_on")).isEqualTo(b.hosts.get(2));
    assertThat(macs(b, arrived)).isEqualTo(macs);
    assertThat(arrived.strings("VBDs"))
        .allSatisfy(
            vbd ->
                assertThat(
                        b.store
                            .get(XapiClass.VDI, b.get(XapiClass.VBD, vbd).string("VDI"))
                            .string("SR"))
                    .isEqualTo(b.sharedSr));
    assertThat(a.store.find(XapiClass.VM, vm)).isEmpty();
    assertThat(sourceVdis)
        .allSatisfy(vdi -> assertThat(a.store.find(XapiClass.VDI, vdi)).isEmpty());
    assertThatThrownBy(() -> a.call("VM.get_record", vm))
        .isInstanceOfSatisfying(
            XapiException.class, e -> assertThat(e.code()).isEqualTo("HANDLE_INVALID"));
    assertTwoRuns(progress);
    assertThat(world.service.recorded())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.vmUuid()).isEqualTo(before.uuid());
              assertThat(r.truth().diskBytes()).isEqualTo(15 * TestPools.GIB);
              assertThat(r.truth().rounds()).isNotEmpty();
            });
  }

  /** Progress climbs to 1 over the disks, drops back near 0 and climbs to 1 over memory. */
  private static void assertTwoRuns(List<Double> progress) {
    int restart = -1;
    for (int i = 1; i < progress.size(); i++) {
      if (progress.get(i) < progress.get(i - 1) - 0.5) {
        assertThat(restart).as("one restart only: %s", progress).isEqualTo(-1);
        restart = i;
      }
    }
    assertThat(restart).as("progress %s", progress).isPositive();
    List<Double> disks = progress.subList(0, restart);
    List<Double> memory = progress.subList(restart, progress.size());
    assertThat(disks.get(0)).isEqualTo(0.0);
    assertThat(disks).isSorted().contains(1.0);
    assertThat(memory.get(0)).isLessThan(0.1);
    assertThat(memory).isSorted();
    assertThat(memory.get(memory.size() - 1)).isEqualTo(1.0);
  }

  private static List<String> macs(TestPools.Pool pool, XapiRecord vm) {
    return vm.strings("VIFs").stream()
        .map(vif -> pool.get(XapiClass.VIF, vif))
        .map(vif -> vif.string("device") + "=" + vif.string("MAC") + "/" + vif.uuid())
        .sorted()
        .toList();
  }
}

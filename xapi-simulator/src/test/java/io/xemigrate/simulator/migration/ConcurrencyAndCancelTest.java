package io.xemigrate.simulator.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiException;
import io.xemigrate.simulator.store.XapiRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConcurrencyAndCancelTest {
  private final TestPools world = new TestPools();
  private final TestPools.Pool a = world.source;
  private final TestPools.Pool b = world.destination;

  @AfterEach
  void close() {
    world.close();
  }

  @Test
  void theFourthConcurrentMigrateSendFromOneHostIsRefusedAtOnce() {
    String host = a.hosts.get(1);
    List<String> tasks = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String vm = a.vm("busy-" + i, host, 2, 100);
      tasks.add(a.startMigrateSend(vm, 1));
    }
    tasks.forEach(a::awaitInFlight);
    String fourth = a.vm("fourth", host, 2, 10);

    assertThatThrownBy(
            () ->
                a.call(
                    "VM.migrate_send",
                    fourth,
                    world.migrateReceive(1),
                    true,
                    world.vdiMapToDestination(fourth),
                    world.vifMapToDestination(fourth),
                    ImmutableMap.of(),
                    ImmutableMap.of()))
        .isInstanceOfSatisfying(
            XapiException.class,
            e -> assertThat(e.description()).containsExactly("TOO_MANY_STORAGE_MIGRATES", "3"));
    // The limit is per sending host: another host of the pool may still send.
    String elsewhere = a.vm("elsewhere", a.hosts.get(2), 2, 10);
    String fifth = a.startMigrateSend(elsewhere, 1);
    assertThat(a.await(fifth).string("status")).isEqualTo("success");
    tasks.forEach(task -> assertThat(a.await(task).string("status")).isEqualTo("success"));
  }

  @Test
  void aCancelledMigrationEndsCancelledAndLeavesTheVmRunningOnTheSource() {
    String vm = a.vm("cancel-me", a.hosts.get(1), 4, 50);
    XapiRecord before = a.get(XapiClass.VM, vm);
    int destinationVdis = b.store.count(XapiClass.VDI);
    String task = a.startMigrateSend(vm, 1);
    TestPools.awaitCondition(b.store, () -> b.store.count(XapiClass.VDI) > destinationVdis);

    a.call("task.cancel", task);
    XapiRecord done = a.await(task);

    assertThat(done.string("status")).isEqualTo("cancelled");
    assertThat(done.strings("error_info")).containsExactly("TASK_CANCELLED", task);
    assertThat(done.real("progress")).isEqualTo(1.0);
    XapiRecord after = a.get(XapiClass.VM, vm);
    assertThat(after.string("power_state")).isEqualTo("Running");
    assertThat(after.string("resident_on")).isEqualTo(before.string("resident_on"));
    assertThat(after.map("current_operations")).isEmpty();
    assertThat(b.store.findByUuid(XapiClass.VM, before.uuid())).isEmpty();
    assertThat(b.store.count(XapiClass.VDI)).isEqualTo(destinationVdis);
    assertThat(world.service.recorded()).isEmpty();
  }

  @Test
  void aSecondMigrationOfTheSameVmWaitsForTheFirstInsteadOfFailing() {
    String vm = a.vm("twice", a.hosts.get(1), 2, 10);
    String first = a.startMigrateSend(vm, 1);
    a.awaitInFlight(first);
    String second = a.startMigrateSend(vm, 2);

    assertThat(a.await(first).string("status")).isEqualTo("success");
    XapiRecord secondDone = a.await(second);
    // The first move took the VM away: the retry then finds it gone.
    assertThat(secondDone.string("status")).isEqualTo("failure");
    assertThat(secondDone.strings("error_info").get(0)).isEqualTo("HANDLE_INVALID");
  }
}

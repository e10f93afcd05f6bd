package io.xemigrate.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.PowerState;
import io.xemigrate.xapi.model.Task;
import io.xemigrate.xapi.model.Vm;
import io.xemigrate.xapi.testing.FakeXapiServer;
import io.xemigrate.xapi.testing.PoolFixture;
import io.xemigrate.xapi.testing.RecordingListener;
import io.xemigrate.xapi.testing.Reply;
import io.xemigrate.xapi.testing.TestClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The inventory through the SDK's typed records, kept current from event.from; task following. */
class InventoryTest {
  private final RecordingListener listener = new RecordingListener();
  private final PoolFixture fixture = new PoolFixture(3, 10);
  private final FakeXapiServer server = fixture.serveOn(new FakeXapiServer("pool-a"));
  private final ConcurrentLinkedQueue<Function<List<Object>, Reply>> batches =
      new ConcurrentLinkedQueue<>();

  InventoryTest() {
    server.on(
        "event.from",
        params -> {
          if ("".equals(params.get(2)) && List.of("pool").equals(params.get(1))) {
            return Reply.value(batch("00000000000000000001,00000000000000000000", List.of()));
          }
          Function<List<Object>, Reply> next = batches.poll();
          return next == null
              ? Reply.value(batch(String.valueOf(params.get(2)), List.of()))
              : next.apply(params);
        });
  }

  @AfterEach
  void close() {
    assertThat(server.activeSessionCount()).isZero();
    server.close();
  }

  static Map<String, Object> batch(String token, List<Map<String, Object>> events) {
    return Map.of("events", events, "valid_ref_counts", Map.of("vm", 10), "token", token);
  }

  static Map<String, Object> event(
      String cls, String op, String ref, Map<String, Object> snapshot) {
    Map<String, Object> event = new HashMap<>();
    event.put("id", "7");
    event.put("timestamp", "0.0");
    event.put("class", cls);
    event.put("operation", op);
    event.put("ref", ref);
    if (snapshot != null) {
      event.put("snapshot", snapshot);
    }
    return event;
  }

  @Test
  void loadsThePoolWithOneGetAllRecordsPerClass() {
    try (PoolClient client =
        XapiClients.connect(TestClients.settings(server, "pool-a", listener))) {
      PoolInventory inventory = client.loadInventory();

      assertThat(inventory.hosts()).hasSize(3);
      assertThat(inventory.guests()).hasSize(10);
      assertThat(inventory.master().uuid()).isEqualTo("host-0");
      assertThat(inventory.pool().defaultSrUuid()).isEqualTo("sr-1");
      Vm vm = inventory.vm("vm-4").orElseThrow();
      assertThat(vm.powerState()).isEqualTo(PowerState.RUNNING);
      assertThat(vm.residentOnHostUuid()).isEqualTo("host-1");
      assertThat(vm.memory().dynamicMin()).isEqualTo(2L << 30);
      assertThat(vm.memoryActual()).isEqualTo(4L << 30);
      assertThat(vm.allowedOperations()).contains("migrate_send");
      assertThat(vm.guestTools().present()).isTrue();
      assertThat(inventory.disksOf(vm)).extracting(d -> d.uuid()).containsExactly("vdi-4");
      assertThat(inventory.vifsOf(vm)).extracting(v -> v.networkUuid()).containsExactly("net-1");
      assertThat(inventory.vdi("vdi-0").orElseThrow().cbtEnabled()).isTrue();
      assertThat(inventory.sr("sr-1").orElseThrow().smCapabilities())
          .containsExactlyInAnyOrder("VDI_SNAPSHOT", "VDI_MIRROR");
      assertThat(inventory.sr("sr-1").orElseThrow().attachedHostUuids()).hasSize(3);
      assertThat(inventory.pifs().values()).allMatch(pif -> pif.speedMbps() == 10_000);
      assertThat(inventory.host("host-2").orElseThrow().memoryTotal()).isEqualTo(256L << 30);
      assertThat(inventory.host("host-2").orElseThrow().live()).isTrue();
      assertThat(inventory.managementNetwork()).isPresent();
      assertThat(inventory.eventToken()).isEqualTo("00000000000000000001,00000000000000000000");
    }
    List<String> calls = new ArrayList<>(server.received());
    calls.removeIf(call -> call.startsWith("session."));
    // Before the load: the pool's host certificates, read once at login.
    List<String> load = calls.subList(calls.indexOf("event.from"), calls.size());
    assertThat(load).hasSize(18).doesNotHaveDuplicates();
  }

  @Test
  void aNvidiaSriovFunctionIsNoPassedThroughPciAndFollowsItsVgpu() {
    Map<String, Object> vm = fixture.tables.get("VM").get("OpaqueRef:vm-4");
    vm.put("attached_PCIs", new Object[] {"OpaqueRef:pci-vf", "OpaqueRef:pci-gpu"});
    vm.put("VGPUs", new Object[] {"OpaqueRef:vgpu-1"});
    fixture
        .tables
        .get("VGPU_type")
        .put(
            "OpaqueRef:type-sriov",
            PoolFixture.record("uuid", "type-sriov", "implementation", "nvidia_sriov"));
    Map<String, Object> vgpu =
        PoolFixture.record(
            "uuid",
            "vgpu-1",
            "VM",
            "OpaqueRef:vm-4",
            "type",
            "OpaqueRef:type-sriov",
            "PCI",
            "OpaqueRef:pci-vf");
    fixture.tables.get("VGPU").put("OpaqueRef:vgpu-1", vgpu);
    Map<String, Object> elsewhere = new HashMap<>(vgpu);
    elsewhere.put("PCI", "OpaqueRef:pci-other");
    batches.add(
        params ->
            Reply.value(batch("9", List.of(event("vgpu", "mod", "OpaqueRef:vgpu-1", elsewhere)))));
    try (PoolClient client =
        XapiClients.connect(TestClients.settings(server, "pool-a", listener))) {
      PoolInventory first = client.loadInventory();
      PoolInventory next = client.track(first).next(Duration.ofSeconds(30));

      assertThat(first.vm("vm-4").orElseThrow().attachedPciCount()).isEqualTo(1);
      assertThat(next.vm("vm-4").orElseThrow().attachedPciCount()).isEqualTo(2);
    }
  }

  @Test
  void followsChangesFromEventsIntoNewSnapshots() {
    Map<String, Object> halted = new HashMap<>(fixture.tables.get("VM").get("OpaqueRef:vm-3"));
    halted.put("power_state", "Halted");
    halted.put("resident_on", "OpaqueRef:NULL");
    batches.add(
        params ->
            Reply.value(
                batch(
                    "00000000000000000005,00000000000000000000",
                    List.of(
                        event("vm", "mod", "OpaqueRef:vm-3", halted),
                        event("vm", "del", "OpaqueRef:vm-9", null),
                        event("message", "add", "OpaqueRef:msg-1", Map.of())))));
    try (PoolClient client =
        XapiClients.connect(TestClients.settings(server, "pool-a", listener))) {
      PoolInventory first = client.loadInventory();
      InventoryTracker tracker = client.track(first);

      PoolInventory second = tracker.next(Duration.ofSeconds(30));

      assertThat(second).isNotSameAs(first);
      assertThat(second.vm("vm-3").orElseThrow().powerState()).isEqualTo(PowerState.HALTED);
      assertThat(second.vm("vm-9")).isEmpty();
      assertThat(second.eventToken()).isEqualTo("00000000000000000005,00000000000000000000");
      assertThat(first.vm("vm-3").orElseThrow().powerState()).isEqualTo(PowerState.RUNNING);
      assertThat(tracker.eventsApplied()).isEqualTo(2);
      assertThat(tracker.next(Duration.ofSeconds(1))).isSameAs(second);
    }
  }

  @Test
  void patchesDependentRecordsAndDeletionsOfEveryLargeClass() {
    Map<String, Object> metrics =
        new HashMap<>(fixture.tables.get("VM_metrics").get("OpaqueRef:vmm-2"));
    metrics.put("memory_actual", 1L << 30);
    Map<String, Object> vdi = new HashMap<>(fixture.tables.get("VDI").get("OpaqueRef:vdi-5"));
    vdi.put("cbt_enabled", true);
    batches.add(
        params ->
            Reply.value(
                batch(
                    "9",
                    List.of(
                        event("vm_metrics", "mod", "OpaqueRef:vmm-2", metrics),
                        event("vdi", "mod", "OpaqueRef:vdi-5", vdi),
                        event("vbd", "del", "OpaqueRef:vbd-7", null),
                        event("vif", "del", "OpaqueRef:vif-7", null)))));
    try (PoolClient client =
        XapiClients.connect(TestClients.settings(server, "pool-a", listener))) {
      PoolInventory first = client.loadInventory();
      PoolInventory next = client.track(first).next(Duration.ofSeconds(30));

      assertThat(next.vm("vm-2").orElseThrow().memoryActual()).isEqualTo(1L << 30);
      assertThat(next.vdi("vdi-5").orElseThrow().cbtEnabled()).isTrue();
      assertThat(next.vbds()).doesNotContainKey("vbd-7").hasSize(9);
      assertThat(next.vifs()).doesNotContainKey("vif-7").hasSize(9);
      assertThat(next.vms())
          .isEqualTo(
              first.vms().entrySet().stream()
                  .collect(
                      com.google.common.collect.ImmutableSortedMap.toImmutableSortedMap(
                          java.util.Comparator.naturalOrder(),
                          Map.Entry::getKey,
                          e ->
                              e.getKey().equals("vm-2")
                                  ? next.vm("vm-2").orElseThrow()
                                  : e.getValue())));
    }
  }

  @Test
  void followsATaskThroughEventsWithProgressUntilItEnds() {
    Map<String, Object> task =
        PoolFixture.record(
            "uuid",
            "task-1",
            "name_label",
            "Async.VM.pool_migrate",
            "status",
            "pending",
            "progress",
            0.25,
            "result",
            "",
            "error_info",
            new Object[0]);
    Map<String, Object> done = new HashMap<>(task);
    done.put("status", "success");
    done.put("progress", 1.0);
    batches.add(
        params -> Reply.value(batch("1", List.of(event("task", "add", "OpaqueRef:task-1", task)))));
    batches.add(
        params -> Reply.value(batch("2", List.of(event("task", "mod", "OpaqueRef:task-1", done)))));
    List<Double> progress = new ArrayList<>();
    try (PoolClient client =
        XapiClients.connect(TestClients.settings(server, "pool-a", listener))) {
      Task result =
          client.awaitTask(
              new TaskHandle("OpaqueRef:task-1", "Async.VM.pool_migrate"),
              progress::add,
              CancellationSignal.never(),
              Duration.ofSeconds(30));

      assertThat(result.status()).isEqualTo(Task.Status.SUCCESS);
    }
    assertThat(progress).containsExactly(0.25, 1.0);
    assertThat(listener.linesStartingWith("progress"))
        .containsExactly(
            "progress Async.VM.pool_migrate 0.25", "progress Async.VM.pool_migrate 1.0");
  }

  @Test
  void cancelsAFollowedTaskAndReportsItsErrorInfoInFull() {
    Map<String, Object> task =
        PoolFixture.record("uuid", "task-1", "status", "pending", "progress", 0.5);
    Map<String, Object> cancelled =
        PoolFixture.record("uuid", "task-1", "status", "cancelled", "progress", 1.0);
    batches.add(
        params -> Reply.value(batch("1", List.of(event("task", "add", "OpaqueRef:task-1", task)))));
    batches.add(
        params ->
            Reply.value(batch("2", List.of(event("task", "mod", "OpaqueRef:task-1", cancelled)))));
    server.on("task.get_allowed_operations", params -> Reply.value(List.of("cancel")));
    server.on("task.cancel", params -> Reply.value(""));
    server.on(
        "task.get_error_info",
        params -> Reply.value(List.of("TASK_CANCELLED", "OpaqueRef:task-1", "OpaqueRef:task-1")));
    try (PoolClient client =
        XapiClients.connect(TestClients.settings(server, "pool-a", listener))) {
      Task result =
          client.awaitTask(
              new TaskHandle("OpaqueRef:task-1", "Async.VM.migrate_send"),
              p -> {},
              () -> true,
              Duration.ofSeconds(30));

      assertThat(result.status()).isEqualTo(Task.Status.CANCELLED);
      assertThat(result.errorInfo())
          .containsExactly("TASK_CANCELLED", "OpaqueRef:task-1", "OpaqueRef:task-1");
    }
    assertThat(server.count("task.cancel")).isEqualTo(1);
    assertThat(listener.linesStartingWith("cancel"))
        .containsExactly("cancel Async.VM.migrate_send true");
  }

  @Test
  void aTaskPastItsPointOfNoReturnIsNotCancelledButFollowedToItsEnd() {
    Map<String, Object> task =
        PoolFixture.record("uuid", "task-1", "status", "pending", "progress", 0.9);
    Map<String, Object> done =
        PoolFixture.record("uuid", "task-1", "status", "success", "progress", 1.0);
    batches.add(
        params -> Reply.value(batch("1", List.of(event("task", "add", "OpaqueRef:task-1", task)))));
    batches.add(
        params -> Reply.value(batch("2", List.of(event("task", "mod", "OpaqueRef:task-1", done)))));
    server.on("task.get_allowed_operations", params -> Reply.value(List.of()));
    try (PoolClient client =
        XapiClients.connect(TestClients.settings(server, "pool-a", listener))) {
      Task result =
          client.awaitTask(
              new TaskHandle("OpaqueRef:task-1", "Async.VM.migrate_send"),
              p -> {},
              () -> true,
              Duration.ofSeconds(30));

      assertThat(result.status()).isEqualTo(Task.Status.SUCCESS);
    }
    assertThat(server.count("task.cancel")).isZero();
    assertThat(listener.linesStartingWith("cancel"))
        .containsExactly("cancel Async.VM.migrate_send false");
  }

  @Test
  void aTaskThatDisappearsIsReportedLost() {
    batches.add(
        params -> Reply.value(batch("1", List.of(event("task", "del", "OpaqueRef:task-1", null)))));
    try (PoolClient client =
        XapiClients.connect(TestClients.settings(server, "pool-a", listener))) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  client.awaitTask(
                      new TaskHandle("OpaqueRef:task-1", "Async.VM.migrate_send"),
                      p -> {},
                      CancellationSignal.never(),
                      Duration.ofSeconds(30)))
          .isInstanceOfSatisfying(
              XapiException.class, e -> assertThat(e.code()).isEqualTo(XapiErrors.TASK_LOST));
    }
  }

  @Test
  void aTaskAlreadyGoneBeforeItIsFollowedIsReportedLost() {
    // A toolstack restart between the call and the first event.from: from "" the task is absent,
    // and no later event will mention it.
    batches.add(params -> Reply.value(batch("1", List.of())));
    try (PoolClient client =
        XapiClients.connect(TestClients.settings(server, "pool-a", listener))) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  client.awaitTask(
                      new TaskHandle("OpaqueRef:task-1", "Async.VM.migrate_send"),
                      p -> {},
                      CancellationSignal.never(),
                      Duration.ofSeconds(30)))
          .isInstanceOfSatisfying(
              XapiException.class, e -> assertThat(e.code()).isEqualTo(XapiErrors.TASK_LOST));
    }
  }
}

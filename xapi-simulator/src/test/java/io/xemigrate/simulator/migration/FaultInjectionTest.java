package io.xemigrate.simulator.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xemigrate.simulator.rpc.Role;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiException;
import io.xemigrate.simulator.store.XapiRecord;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FaultInjectionTest {
  private final TestPools world = new TestPools();
  private final TestPools.Pool a = world.source;
  private final TestPools.Pool b = world.destination;

  @AfterEach
  void close() {
    world.close();
  }

  private String vm(String name) {
    return a.vm(name, a.hosts.get(1), 2, 8);
  }

  private List<String> sourceVdis(String vm) {
    return List.copyOf(world.vdiMapToDestination(vm).keySet());
  }

  /** Failures before the VM runs at the destination: destination cleaned, source untouched. */
  @ParameterizedTest
  @EnumSource(
      value = FaultKind.class,
      names = {"FAIL_DISK_COPY", "FAIL_METADATA_IMPORT", "FAIL_MEMORY_PRECOPY"})
  void anEarlyFailureLeavesTheVmRunningOnTheSourceAndNothingAtTheDestination(FaultKind kind) {
    String vm = vm("early");
    XapiRecord before = a.get(XapiClass.VM, vm);
    int destinationVdis = b.store.count(XapiClass.VDI);
    world.service.inject(Fault.migration(kind, before.uuid()));

    XapiRecord task = a.await(a.startMigrateSend(vm, 1));

    assertThat(task.string("status")).isEqualTo("failure");
    assertThat(task.strings("error_info").get(0)).isEqualTo("INTERNAL_ERROR");
    XapiRecord after = a.get(XapiClass.VM, vm);
    assertThat(after.string("power_state")).isEqualTo("Running");
    assertThat(after.string("resident_on")).isEqualTo(before.string("resident_on"));
    assertThat(b.store.findByUuid(XapiClass.VM, before.uuid())).isEmpty();
    assertThat(b.store.count(XapiClass.VDI)).isEqualTo(destinationVdis);
    assertThat(sourceVdis(vm))
        .allSatisfy(v -> assertThat(a.store.find(XapiClass.VDI, v)).isPresent());
  }

  @Test
  void aBrokenMirrorFailsWithMirrorFailedNamingTheDisk() {
    String vm = vm("mirror");
    String vdi = sourceVdis(vm).get(0);
    world.service.inject(Fault.migration(FaultKind.MIRROR_FAILED, a.get(XapiClass.VM, vm).uuid()));

    XapiRecord task = a.await(a.startMigrateSend(vm, 1));

    assertThat(task.strings("error_info")).containsExactly("MIRROR_FAILED", vdi);
    assertThat(a.get(XapiClass.VM, vm).string("power_state")).isEqualTo("Running");
  }

  @Test
  void aFailureAfterTheSourceWasSuspendedLeavesTheVmHalted() {
    String vm = vm("suspended");
    String uuid = a.get(XapiClass.VM, vm).uuid();
    world.service.inject(Fault.migration(FaultKind.FAIL_AFTER_SUSPEND, uuid));

    XapiRecord task = a.await(a.startMigrateSend(vm, 1));

    assertThat(task.string("status")).isEqualTo("failure");
    assertThat(a.get(XapiClass.VM, vm).string("power_state")).isEqualTo("Halted");
    assertThat(b.store.findByUuid(XapiClass.VM, uuid)).isEmpty();
  }

  @Test
  void theFinalHandshakeFailsWhileTheVmRunsAtTheDestination() {
    String vm = vm("ambiguous");
    String uuid = a.get(XapiClass.VM, vm).uuid();
    world.service.inject(Fault.migration(FaultKind.FAIL_FINAL_HANDSHAKE, uuid));

    XapiRecord task = a.await(a.startMigrateSend(vm, 1));

    assertThat(task.string("status")).isEqualTo("failure");
    assertThat(task.strings("error_info").get(1)).contains("Synchronisation point 4");
    XapiRecord arrived = b.store.findByUuid(XapiClass.VM, uuid).orElseThrow();
    assertThat(arrived.string("power_state")).isEqualTo("Running");
    assertThat(arrived.string("resident_on")).isEqualTo(b.hosts.get(1));
    assertThat(a.get(XapiClass.VM, vm).string("power_state")).isEqualTo("Halted");
  }

  @Test
  void aFailedCleanupStillSucceedsButLeavesTheSourceRecordAndDisks() {
    String vm = vm("leftovers");
    String uuid = a.get(XapiClass.VM, vm).uuid();
    List<String> disks = sourceVdis(vm);
    world.service.inject(Fault.migration(FaultKind.FAIL_CLEANUP, uuid));

    XapiRecord task = a.await(a.startMigrateSend(vm, 1));

    assertThat(task.string("status")).isEqualTo("success");
    assertThat(b.store.findByUuid(XapiClass.VM, uuid).orElseThrow().string("power_state"))
        .isEqualTo("Running");
    assertThat(a.get(XapiClass.VM, vm).string("power_state")).isEqualTo("Halted");
    assertThat(disks).allSatisfy(v -> assertThat(a.store.find(XapiClass.VDI, v)).isPresent());
  }

  @Test
  void aDestinationRefusingConnectionsMidwayBreaksTheMove() {
    String vm = vm("cut");
    String task = a.startMigrateSend(vm, 1);
    a.awaitInFlight(task);
    world.service.inject(
        new Fault(
            FaultKind.REFUSE_CONNECTIONS,
            b.get(XapiClass.HOST, b.hosts.get(1)).uuid(),
            3600,
            1,
            0));

    XapiRecord done = a.await(task);

    assertThat(done.string("status")).isEqualTo("failure");
    assertThat(done.strings("error_info").get(0)).isEqualTo("INTERNAL_ERROR");
    assertThat(a.get(XapiClass.VM, vm).string("power_state")).isEqualTo("Running");
  }

  @Test
  void aSlowNicStretchesTheMigration() {
    String fast = a.vm("fast", a.hosts.get(1), 2);
    String slow = a.vm("slow", a.hosts.get(2), 2);
    world.service.inject(
        new Fault(FaultKind.SLOW_NIC, a.get(XapiClass.HOST, a.hosts.get(2)).uuid(), 0, 0.05, 0));

    a.await(a.startMigrateSend(fast, 1));
    a.await(a.startMigrateSend(slow, 1));

    List<MigrationService.Recorded> recorded = world.service.recorded();
    assertThat(recorded).hasSize(2);
    long fastPrecopy = recorded.get(0).truth().precopyNanos();
    long slowPrecopy = recorded.get(1).truth().precopyNanos();
    // 10 Gbit/s at 5 % is 62.5 MB/s, a quarter of the 250 MB/s stream ceiling.
    assertThat((double) slowPrecopy / fastPrecopy).isBetween(3.5, 4.5);
  }

  @Test
  void memoryTakenAtTheDestinationAfterTheDisksFailsTheImport() {
    String vm = vm("late-memory");
    String destinationHost = b.get(XapiClass.HOST, b.hosts.get(1)).uuid();
    String task = a.startMigrateSend(vm, 1);
    a.awaitInFlight(task);
    world.service.inject(
        new Fault(FaultKind.TAKE_DESTINATION_MEMORY, destinationHost, 0, 1, 254 * TestPools.GIB));

    XapiRecord done = a.await(task);

    assertThat(done.strings("error_info").get(0)).isEqualTo("HOST_NOT_ENOUGH_FREE_MEMORY");
    assertThat(a.get(XapiClass.VM, vm).string("power_state")).isEqualTo("Running");
    assertThat(b.store.findByUuid(XapiClass.VM, a.get(XapiClass.VM, vm).uuid())).isEmpty();
  }

  @Test
  void masterFailoverMakesTheOldMasterAnswerHostIsSlaveAndLosesSessions() {
    String newMaster = a.hosts.get(1);
    String oldSession = a.session;
    world.service.inject(
        new Fault(FaultKind.MASTER_FAILOVER, a.get(XapiClass.HOST, newMaster).uuid(), 0, 1, 0));

    assertThatThrownBy(() -> a.call("VM.get_all"))
        .isInstanceOfSatisfying(
            XapiException.class,
            e -> assertThat(e.description()).containsExactly("HOST_IS_SLAVE", "10.0.1.11"));
    assertThat(a.runtime.sessions().isLive(oldSession)).isFalse();
  }

  @Test
  void aToolstackRestartLosesTasksAndSessionsButTheMigrationCarriesOn() {
    String vm = vm("restart");
    String uuid = a.get(XapiClass.VM, vm).uuid();
    String task = a.startMigrateSend(vm, 1);
    a.awaitInFlight(task);
    world.service.inject(new Fault(FaultKind.TOOLSTACK_RESTART, "pool-a", 0, 1, 0));

    assertThat(a.store.find(XapiClass.TASK, task)).isEmpty();
    assertThatThrownBy(() -> a.call("VM.get_all"))
        .isInstanceOfSatisfying(
            XapiException.class, e -> assertThat(e.code()).isEqualTo("SESSION_INVALID"));
    TestPools.awaitCondition(
        b.store,
        () -> {
          world.clock.advance(java.time.Duration.ofSeconds(5));
          return b.store
              .findByUuid(XapiClass.VM, uuid)
              .map(r -> r.string("power_state").equals("Running"))
              .orElse(false);
        });
    TestPools.awaitCondition(a.store, () -> a.store.find(XapiClass.VM, vm).isEmpty());
  }

  @Test
  void expiredSessionsAreRefused() {
    world.service.inject(new Fault(FaultKind.EXPIRE_SESSIONS, "pool-b", 0, 1, 0));

    assertThatThrownBy(() -> b.call("VM.get_all"))
        .isInstanceOfSatisfying(
            XapiException.class, e -> assertThat(e.code()).isEqualTo("SESSION_INVALID"));
    b.session = b.runtime.sessions().mint("root", Role.POOL_ADMIN, "test", b.master(), false).ref();
    assertThat(b.call("VM.get_all")).isNotNull();
  }

  @Test
  void theControlEndpointTakesFaultsAndReportsTheTruth() throws Exception {
    try (ControlServer control = ControlServer.start(world.service)) {
      String vm = vm("observed");
      String uuid = a.get(XapiClass.VM, vm).uuid();
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpResponse<String> injected =
          http.send(
              HttpRequest.newBuilder(URI.create(control.url() + "/sim/faults"))
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"kind\":\"FAIL_CLEANUP\",\"target\":\"" + uuid + "\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(injected.statusCode()).isEqualTo(202);
      assertThat(world.service.faults().armed()).hasSize(1);

      a.await(a.startMigrateSend(vm, 1));
      HttpResponse<String> truth =
          http.send(
              HttpRequest.newBuilder(URI.create(control.url() + "/sim/migrations")).build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(truth.statusCode()).isEqualTo(200);
      assertThat(truth.body())
          .contains("\"vm\":\"" + uuid + "\"")
          .contains("\"downtimeSeconds\"")
          .contains("\"rounds\"")
          .doesNotContain("OpaqueRef");
      assertThat(world.service.faults().armed()).isEmpty();
      HttpResponse<String> bad =
          http.send(
              HttpRequest.newBuilder(URI.create(control.url() + "/sim/faults"))
                  .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"NO_SUCH\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(bad.statusCode()).isEqualTo(400);
    }
  }
}

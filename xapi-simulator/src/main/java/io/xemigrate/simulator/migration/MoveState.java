package io.xemigrate.simulator.migration;

import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.physics.MigrationPhase;
import io.xemigrate.simulator.rpc.PoolRuntime;
import io.xemigrate.simulator.store.ObjectStore;
import io.xemigrate.simulator.store.Refs;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiException;
import io.xemigrate.simulator.store.XapiRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The store side of one {@code migrate_send}: what each phase changes in the source and destination
 * databases (docs/xapi-behaviour.md#migrate-send-phases), where injected faults fire, and what a
 * failure cleans up and leaves behind (docs/xapi-behaviour.md#migrate-send-failures;
 * docs/failure-semantics.md#failure-points).
 */
final class MoveState {
  private final MigrationService service;
  private final PoolRuntime pool;
  private final PoolView view;
  private final XapiRecord vm;
  private final MigrationTarget target;
  private final MovePlan plan;
  private final Map<String, String> vifMap;
  private final Optional<String> task;
  private final boolean live;
  private final boolean force;
  private Map<String, String> newVdis = ImmutableMap.of();
  private Optional<CrossPoolImport.Imported> imported = Optional.empty();
  private boolean vmRunningOnDestination;

  MoveState(
      MigrationService service,
      PoolRuntime pool,
      PoolView view,
      XapiRecord vm,
      MigrationTarget target,
      MovePlan plan,
      Map<String, String> vifMap,
      Optional<String> task,
      boolean live,
      boolean force) {
    this.service = service;
    this.pool = pool;
    this.view = view;
    this.vm = vm;
    this.target = target;
    this.plan = plan;
    this.vifMap = vifMap;
    this.task = task;
    this.live = live;
    this.force = force;
  }

  void enter(MigrationPhase phase) {
    Optional<Fault> fault = service.faults().take(vm.uuid(), phase);
    boolean cut = service.faults().refusing(target.host().uuid(), service.clock().nanos());
    switch (phase) {
      case DISK_COPY -> {
        newVdis = CrossPoolImport.createRemoteVdis(view, plan.moves(), target.pool().store());
        if (fault.isPresent() && fault.get().kind() == FaultKind.MIRROR_FAILED) {
          throw XapiException.of(
              "MIRROR_FAILED", plan.moves().keySet().stream().findFirst().orElse(Refs.NULL));
        }
        if (fault.isPresent() || cut) {
          throw XapiException.of(
              "INTERNAL_ERROR",
              "Storage_interface.Storage_error ([S(Internal_error);S(\"sparse_dd: Connection"
                  + " reset by peer\")])");
        }
      }
      case METADATA_IMPORT -> {
        if (fault.isPresent() || cut) {
          throw XapiException.of("INTERNAL_ERROR", "VM metadata import failed: connection reset");
        }
      }
      case MEMORY_PRECOPY -> {
        if (target.crossPool()) {
          importIntoDestination();
        }
        if (fault.isPresent() || cut) {
          throw memoryStreamBroken();
        }
      }
      case STOP_AND_COPY -> {
        if (fault.isPresent() || cut) {
          // The source was suspended for stop-and-copy: xapi shuts it down
          // (docs/xapi-behaviour.md#migrate-send-failures step 1).
          throw memoryStreamBroken();
        }
      }
      case SWITCH_OVER -> {
        if (fault.isPresent()) {
          finishOnDestination();
          haltSource();
          throw XapiException.of(
              "INTERNAL_ERROR",
              "Xenops_interface.Xenopsd_error([S(Internal_error);S(\"VM.migrate: Failed during"
                  + " Synchronisation point 4. msg: destination did not confirm\")])");
        }
      }
      case DONE -> {
        task.ifPresent(t -> quietly(() -> pool.tasks().setCancellable(t, false)));
        finishOnDestination();
        cleanUpSource(fault.isPresent());
      }
    }
  }

  private XapiException memoryStreamBroken() {
    return XapiException.of(
        "INTERNAL_ERROR",
        "Xenops_interface.Xenopsd_error([S(Internal_error);S(\"(Unix.Unix_error"
            + " \\\"Connection reset by peer\\\" read)\")])");
  }

  /** P3: the real import, with the memory and CPU checks of the dry run done again. */
  private void importIntoDestination() {
    boolean checkCpu = !force && live;
    CrossPoolImport.checkResources(view, vm, target, checkCpu);
    imported = Optional.of(CrossPoolImport.importVm(view, vm, target, newVdis, vifMap));
    if (live) {
      MigrationService.schedule(target.pool().store(), imported.get().vmRef(), target.host().ref());
    }
  }

  /** P7 on the destination: the VM runs there, its devices attached. */
  private void finishOnDestination() {
    if (target.crossPool()) {
      ObjectStore destination = target.pool().store();
      String vmRef = imported.orElseThrow().vmRef();
      MigrationService.unschedule(destination, vmRef);
      if (live) {
        XapiRecord arrived = destination.get(XapiClass.VM, vmRef);
        destination.update(
            XapiClass.VM,
            vmRef,
            ImmutableMap.of(
                "power_state",
                "Running",
                "resident_on",
                target.host().ref(),
                "domid",
                arrived.integer("domid") + 1));
        arrived
            .strings("VBDs")
            .forEach(vbd -> destination.set(XapiClass.VBD, vbd, "currently_attached", true));
        arrived
            .strings("VIFs")
            .forEach(vif -> destination.set(XapiClass.VIF, vif, "currently_attached", true));
      }
    } else {
      ObjectStore store = pool.store();
      MigrationService.unschedule(store, vm.ref());
      repointDisks(store, vm);
      view.snapshots(vm).forEach(snapshot -> repointDisks(store, snapshot));
      if (live) {
        store.set(XapiClass.VM, vm.ref(), "resident_on", target.host().ref());
      }
    }
    vmRunningOnDestination = true;
  }

  private void repointDisks(ObjectStore store, XapiRecord owner) {
    for (String vbdRef : store.get(XapiClass.VM, owner.ref()).strings("VBDs")) {
      String vdi = store.get(XapiClass.VBD, vbdRef).string("VDI");
      if (newVdis.containsKey(vdi)) {
        store.set(XapiClass.VBD, vbdRef, "VDI", newVdis.get(vdi));
      }
    }
  }

  /**
   * P8: source VDIs that moved are destroyed, then (cross-pool) the source VM and its snapshots. A
   * clean-up fault leaves them, as xapi's best-effort clean-up can: the VM record Halted.
   */
  private void cleanUpSource(boolean cleanupFails) {
    ObjectStore store = pool.store();
    if (target.crossPool()) {
      List<XapiRecord> owners = new ArrayList<>(view.snapshots(vm));
      owners.add(store.get(XapiClass.VM, vm.ref()));
      for (XapiRecord owner : owners) {
        for (String vbd : owner.strings("VBDs")) {
          store.destroy(XapiClass.VBD, vbd);
        }
      }
      if (cleanupFails) {
        haltSource();
        return;
      }
    }
    if (cleanupFails) {
      return;
    }
    plan.moves().keySet().forEach(vdi -> destroyIfPresent(store, XapiClass.VDI, vdi));
    if (target.crossPool()) {
      for (XapiRecord snapshot : view.snapshots(vm)) {
        destroyVmRecord(store, snapshot);
      }
      destroyVmRecord(store, store.get(XapiClass.VM, vm.ref()));
    }
  }

  private static void destroyVmRecord(ObjectStore store, XapiRecord owner) {
    XapiRecord current = store.get(XapiClass.VM, owner.ref());
    current.strings("VIFs").forEach(vif -> destroyIfPresent(store, XapiClass.VIF, vif));
    current.strings("VBDs").forEach(vbd -> destroyIfPresent(store, XapiClass.VBD, vbd));
    current.strings("VGPUs").forEach(vgpu -> destroyIfPresent(store, XapiClass.VGPU, vgpu));
    destroyIfPresent(store, XapiClass.VM_METRICS, current.string("metrics"));
    destroyIfPresent(store, XapiClass.VM_GUEST_METRICS, current.string("guest_metrics"));
    store.destroy(XapiClass.VM, owner.ref());
  }

  private static void destroyIfPresent(ObjectStore store, XapiClass cls, String ref) {
    if (!Refs.isNull(ref) && store.find(cls, ref).isPresent()) {
      store.destroy(cls, ref);
    }
  }

  private void haltSource() {
    pool.store()
        .update(
            XapiClass.VM,
            vm.ref(),
            ImmutableMap.of("power_state", "Halted", "resident_on", Refs.NULL, "domid", -1L));
  }

  /**
   * The outer handler of {@code migrate_send'}: undo the destination side unless the VM already
   * runs there, halt a source that was suspended, and report the error (cancellation wins).
   */
  XapiException fail(XapiException error, MigrationPhase reached) {
    MigrationService.unschedule(pool.store(), vm.ref());
    imported.ifPresent(i -> MigrationService.unschedule(target.pool().store(), i.vmRef()));
    if (!vmRunningOnDestination) {
      ObjectStore destination = target.pool().store();
      if (target.crossPool()) {
        imported.ifPresent(i -> CrossPoolImport.destroy(destination, i.created()));
        CrossPoolImport.destroyStale(destination, vm.uuid());
      }
      newVdis.values().forEach(vdi -> destroyIfPresent(destination, XapiClass.VDI, vdi));
      if (live
          && (reached == MigrationPhase.STOP_AND_COPY || reached == MigrationPhase.SWITCH_OVER)) {
        haltSource();
      }
    }
    boolean cancelled = task.map(t -> isCancelling(t)).orElse(false);
    if (cancelled && !error.code().equals("MIRROR_FAILED")) {
      return XapiException.of("TASK_CANCELLED", task.get());
    }
    return error;
  }

  private boolean isCancelling(String t) {
    try {
      return pool.tasks().isCancelling(t);
    } catch (XapiException e) {
      return false;
    }
  }

  /** The VM's ref after the move: new in the destination pool, unchanged inside a pool. */
  String resultRef() {
    return imported.map(CrossPoolImport.Imported::vmRef).orElse(vm.ref());
  }

  private static void quietly(Runnable update) {
    try {
      update.run();
    } catch (XapiException e) {
      if (!e.code().equals("HANDLE_INVALID")) {
        throw e;
      }
    }
  }
}

package io.xemigrate.simulator.migration;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.xemigrate.simulator.store.ObjectStore;
import io.xemigrate.simulator.store.Refs;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiException;
import io.xemigrate.simulator.store.XapiRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The destination side of a cross-pool move: the metadata dry run
 * (docs/xapi-behaviour.md#cross-pool-dry-run), the remote VDIs storage motion creates, the real
 * import that keeps UUIDs, MACs and devices (docs/xapi-behaviour.md#migrate-send-phases P3,
 * docs/xapi-behaviour.md#vif-handling), and the roll-backs of each.
 */
final class CrossPoolImport {
  /** Objects created on the destination, newest last, so that roll-back can undo them. */
  record Imported(String vmRef, ImmutableList<XapiRecord> created) {}

  private static final ImmutableSet<String> VM_SETS =
      ImmutableSet.of(
          "VBDs",
          "VIFs",
          "VUSBs",
          "VGPUs",
          "snapshots",
          "consoles",
          "crash_dumps",
          "VTPMs",
          "attached_PCIs",
          "children",
          "current_operations",
          "allowed_operations");

  private CrossPoolImport() {}

  /**
   * docs/xapi-behaviour.md#cross-pool-dry-run: the checks the destination runs on a {@code
   * dry_run=true} import, in order.
   */
  static void dryRun(
      PoolView source, XapiRecord vm, MigrationTarget target, boolean restore, boolean checkCpu) {
    PoolView destination = target.view();
    if (restore) {
      String seed = vm.stringMap("other_config").get("mac_seed");
      if (seed != null) {
        for (XapiRecord other : destination.store().all(XapiClass.VM)) {
          if (seed.equals(other.stringMap("other_config").get("mac_seed"))
              && !other.uuid().equals(vm.uuid())) {
            throw XapiException.of("DUPLICATE_MAC_SEED", seed);
          }
        }
      }
      Optional<XapiRecord> existing = destination.store().findByUuid(XapiClass.VM, vm.uuid());
      if (existing.isPresent()) {
        String power = existing.get().string("power_state");
        if (!power.equals("Halted")) {
          throw XapiException.of("VM_BAD_POWER_STATE", existing.get().ref(), "Halted", power);
        }
        long existingVersion = existing.get().integer("version");
        if (existingVersion >= vm.integer("version")) {
          throw XapiException.of(
              "VM_TO_IMPORT_IS_NOT_NEWER_VERSION",
              existing.get().ref(),
              Long.toString(existingVersion),
              Long.toString(vm.integer("version")));
        }
      }
    }
    checkResources(source, vm, target, checkCpu);
  }

  /** Memory (policy Dynamic_min) and, when asked, CPU against the destination host. */
  static void checkResources(
      PoolView source, XapiRecord vm, MigrationTarget target, boolean checkCpu) {
    String power = vm.string("power_state");
    XapiRecord host = target.host();
    if (power.equals("Running") || power.equals("Paused")) {
      long needed =
          MemoryArithmetic.needed(
              BootCheck.memoryOf(source, vm), MemoryArithmetic.Policy.DYNAMIC_MIN);
      long available = BootCheck.available(target.view(), host, vm.ref());
      if (needed > available) {
        throw XapiException.of(
            "HOST_NOT_ENOUGH_FREE_MEMORY", Long.toString(needed), Long.toString(available));
      }
    }
    if (checkCpu && !power.equals("Halted")) {
      CpuCompatibility.incompatibility(
              false,
              source.domainType(vm),
              vm.stringMap("last_boot_CPU_flags"),
              host.stringMap("cpu_info"))
          .ifPresent(
              reason -> {
                // The VM does not exist on the destination yet, hence the NULL ref.
                throw XapiException.of(
                    "VM_INCOMPATIBLE_WITH_THIS_HOST", Refs.NULL, host.ref(), reason);
              });
    }
  }

  /** Creates the destination copy of each moving VDI; returns source ref to new ref. */
  static ImmutableMap<String, String> createRemoteVdis(
      PoolView source, Map<String, String> moves, ObjectStore destination) {
    Map<String, String> created = new LinkedHashMap<>();
    for (Map.Entry<String, String> move : moves.entrySet()) {
      XapiRecord vdi = source.get(XapiClass.VDI, move.getKey());
      String uuid = UUID.randomUUID().toString();
      String ref =
          destination.create(
              XapiClass.VDI,
              RecordCopy.copy(
                  vdi,
                  ImmutableSet.of("VBDs", "snapshots", "crash_dumps", "current_operations"),
                  ImmutableMap.of(
                      "uuid",
                      uuid,
                      "SR",
                      move.getValue(),
                      "location",
                      uuid,
                      "snapshot_of",
                      created.getOrDefault(vdi.string("snapshot_of"), Refs.NULL))));
      created.put(vdi.ref(), ref);
    }
    return ImmutableMap.copyOf(created);
  }

  /**
   * The real import (docs/xapi-behaviour.md#migrate-send-phases P3): the VM arrives Halted with the
   * same UUID, its VBDs point at the new VDIs, its VIFs keep UUID, MAC and device and join the
   * mapped networks; snapshots come along.
   */
  static Imported importVm(
      PoolView source,
      XapiRecord vm,
      MigrationTarget target,
      Map<String, String> newVdis,
      Map<String, String> vifMap) {
    ObjectStore destination = target.pool().store();
    for (String network : vifMap.values()) {
      destination.get(XapiClass.NETWORK, network);
    }
    List<XapiRecord> created = new ArrayList<>();
    String vmRef = importOne(source, vm, Refs.NULL, destination, newVdis, vifMap, created);
    for (XapiRecord snapshot : source.snapshots(vm)) {
      importOne(source, snapshot, vmRef, destination, newVdis, vifMap, created);
    }
    return new Imported(vmRef, ImmutableList.copyOf(created));
  }

  private static String importOne(
      PoolView source,
      XapiRecord vm,
      String snapshotOf,
      ObjectStore destination,
      Map<String, String> newVdis,
      Map<String, String> vifMap,
      List<XapiRecord> created) {
    Map<String, Object> overrides = new LinkedHashMap<>();
    overrides.put("power_state", vm.bool("is_a_snapshot") ? vm.string("power_state") : "Halted");
    overrides.put("snapshot_of", snapshotOf);
    copyMetrics(source, vm, "metrics", XapiClass.VM_METRICS, destination, created)
        .ifPresent(ref -> overrides.put("metrics", ref));
    copyMetrics(source, vm, "guest_metrics", XapiClass.VM_GUEST_METRICS, destination, created)
        .ifPresent(ref -> overrides.put("guest_metrics", ref));
    String vmRef = destination.create(XapiClass.VM, RecordCopy.copy(vm, VM_SETS, overrides));
    created.add(destination.get(XapiClass.VM, vmRef));
    for (String vbdRef : vm.strings("VBDs")) {
      XapiRecord vbd = source.get(XapiClass.VBD, vbdRef);
      String vdi = newVdis.getOrDefault(vbd.string("VDI"), Refs.NULL);
      boolean empty = Refs.isNull(vdi);
      String ref =
          destination.create(
              XapiClass.VBD,
              RecordCopy.copy(
                  vbd,
                  ImmutableSet.of("current_operations", "allowed_operations"),
                  ImmutableMap.of(
                      "VM", vmRef, "VDI", vdi, "empty", empty, "currently_attached", false)));
      created.add(destination.get(XapiClass.VBD, ref));
    }
    for (String vifRef : vm.strings("VIFs")) {
      XapiRecord vif = source.get(XapiClass.VIF, vifRef);
      String ref =
          destination.create(
              XapiClass.VIF,
              RecordCopy.copy(
                  vif,
                  ImmutableSet.of("current_operations", "allowed_operations"),
                  ImmutableMap.of(
                      "VM",
                      vmRef,
                      "network",
                      vifMap.getOrDefault(vifRef, Refs.NULL),
                      "currently_attached",
                      false)));
      created.add(destination.get(XapiClass.VIF, ref));
    }
    return vmRef;
  }

  private static Optional<String> copyMetrics(
      PoolView source,
      XapiRecord vm,
      String field,
      XapiClass cls,
      ObjectStore destination,
      List<XapiRecord> created) {
    Optional<XapiRecord> metrics = source.find(cls, vm.string(field));
    if (metrics.isEmpty()) {
      return Optional.empty();
    }
    String ref =
        destination.create(
            cls,
            RecordCopy.copy(
                metrics.get(),
                ImmutableSet.of(),
                ImmutableMap.of("uuid", UUID.randomUUID().toString())));
    created.add(destination.get(cls, ref));
    return Optional.of(ref);
  }

  /** Roll-back of an import: destroys what it created, newest first; missing objects are fine. */
  static void destroy(ObjectStore store, List<XapiRecord> created) {
    for (XapiRecord record : ImmutableList.copyOf(created).reverse()) {
      if (store.find(record.cls(), record.ref()).isPresent()) {
        store.destroy(record.cls(), record.ref());
      }
    }
  }

  /**
   * docs/xapi-behaviour.md#migrate-send-failures step 2: a VM with the same UUID in the destination
   * pool is destroyed as stale.
   */
  static void destroyStale(ObjectStore store, String vmUuid) {
    store
        .findByUuid(XapiClass.VM, vmUuid)
        .ifPresent(
            vm -> {
              List<XapiRecord> doomed = new ArrayList<>();
              for (String snapshot : vm.strings("snapshots")) {
                store.find(XapiClass.VM, snapshot).ifPresent(s -> collect(store, s, doomed));
              }
              collect(store, vm, doomed);
              destroy(store, ImmutableList.copyOf(doomed).reverse());
            });
  }

  private static void collect(ObjectStore store, XapiRecord vm, List<XapiRecord> doomed) {
    vm.strings("VBDs").forEach(ref -> store.find(XapiClass.VBD, ref).ifPresent(doomed::add));
    vm.strings("VIFs").forEach(ref -> store.find(XapiClass.VIF, ref).ifPresent(doomed::add));
    store.find(XapiClass.VM_METRICS, vm.string("metrics")).ifPresent(doomed::add);
    store.find(XapiClass.VM_GUEST_METRICS, vm.string("guest_metrics")).ifPresent(doomed::add);
    doomed.add(vm);
  }
}

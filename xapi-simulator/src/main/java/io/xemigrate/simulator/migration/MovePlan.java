package io.xemigrate.simulator.migration;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.physics.DiskCopy;
import io.xemigrate.simulator.physics.MigrationSpec;
import io.xemigrate.simulator.store.Refs;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiException;
import io.xemigrate.simulator.store.XapiRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@code migrate_send} will move, worked out by the sender's steps S4 to S7
 * (docs/xapi-behaviour.md#migrate-send, docs/xapi-behaviour.md#unmapped-disks): the completed VDI
 * map, the VDIs that change SR (in xapi's order) and the physics of the move.
 */
record MovePlan(ImmutableMap<String, String> vdiMap, ImmutableMap<String, String> moves) {

  static MovePlan of(
      PoolView view, XapiRecord vm, MigrationRequest request, MigrationTarget target) {
    for (XapiRecord vbd : view.diskVbds(vm)) {
      XapiRecord vdi = view.get(XapiClass.VDI, vbd.string("VDI"));
      if (vdi.string("on_boot").equals("reset")) {
        throw XapiException.of("VDI_ON_BOOT_MODE_INCOMPATIBLE_WITH_OPERATION", vdi.ref());
      }
    }
    Map<String, String> completed = new LinkedHashMap<>(request.vdiMap());
    for (XapiRecord snapshot : view.snapshots(vm)) {
      for (XapiRecord vbd : view.diskVbds(snapshot)) {
        String vdiRef = vbd.string("VDI");
        if (completed.containsKey(vdiRef)) {
          continue;
        }
        XapiRecord vdi = view.get(XapiClass.VDI, vdiRef);
        String viaParent = completed.get(vdi.string("snapshot_of"));
        String defaultSr = target.view().pool().string("default_SR");
        if (viaParent != null) {
          completed.put(vdiRef, viaParent);
        } else if (!Refs.isNull(defaultSr)) {
          completed.put(vdiRef, defaultSr);
        } else {
          throw XapiException.of("VDI_NOT_IN_MAP", vdiRef);
        }
      }
    }
    MigrationChecks.assertNoCbtOrEncryption(view, completed, target);
    List<XapiRecord> moving = new ArrayList<>();
    for (Map.Entry<String, String> entry : completed.entrySet()) {
      Optional<XapiRecord> vdi = view.find(XapiClass.VDI, entry.getKey());
      if (vdi.isEmpty()) {
        continue;
      }
      String sourceSrUuid = view.get(XapiClass.SR, vdi.get().string("SR")).uuid();
      String destSrUuid = target.view().get(XapiClass.SR, entry.getValue()).uuid();
      if (!sourceSrUuid.equals(destSrUuid)) {
        moving.add(vdi.get());
      }
    }
    // xapi moves VDIs one at a time, sorted by virtual_size, then snapshot_time.
    moving.sort(
        Comparator.comparingLong((XapiRecord v) -> v.integer("virtual_size"))
            .thenComparing(v -> (Instant) v.get("snapshot_time")));
    Map<String, String> moves = new LinkedHashMap<>();
    moving.forEach(vdi -> moves.put(vdi.ref(), completed.get(vdi.ref())));
    return new MovePlan(ImmutableMap.copyOf(completed), ImmutableMap.copyOf(moves));
  }

  /** S9: CDs not mapped to their own SR are ejected and not put back (Suspended VMs exempt). */
  void ejectCds(PoolView view, XapiRecord vm) {
    if (vm.string("power_state").equals("Suspended")) {
      return;
    }
    for (XapiRecord cd : view.cdVbds(vm)) {
      String vdi = cd.string("VDI");
      if (Refs.isNull(vdi)) {
        continue;
      }
      String own = view.get(XapiClass.VDI, vdi).string("SR");
      if (!own.equals(vdiMap.get(vdi))) {
        view.store()
            .update(XapiClass.VBD, cd.ref(), ImmutableMap.of("VDI", Refs.NULL, "empty", true));
      }
    }
  }

  /** The physics of this move and the capacities of the resources it crosses. */
  Physics physics(
      PhysicsParameters physics,
      String id,
      PoolView view,
      XapiRecord vm,
      MigrationTarget target,
      boolean live) {
    Map<String, Double> capacities = new HashMap<>();
    XapiRecord sourceHost = MigrationChecks.sourceHost(view, vm);
    ImmutableList.Builder<String> network = ImmutableList.builder();
    view.managementPif(sourceHost.ref())
        .ifPresent(
            pif -> {
              network.add(PhysicsParameters.pifOut(pif));
              capacities.put(PhysicsParameters.pifOut(pif), physics.pifBytesPerSecond(pif));
            });
    receivingPif(target)
        .ifPresent(
            pif -> {
              network.add(PhysicsParameters.pifIn(pif));
              capacities.put(PhysicsParameters.pifIn(pif), physics.pifBytesPerSecond(pif));
            });
    ImmutableList.Builder<DiskCopy> disks = ImmutableList.builder();
    for (Map.Entry<String, String> move : moves.entrySet()) {
      XapiRecord vdi = view.get(XapiClass.VDI, move.getKey());
      XapiRecord from = view.get(XapiClass.SR, vdi.string("SR"));
      XapiRecord to = target.view().get(XapiClass.SR, move.getValue());
      capacities.put(PhysicsParameters.sr(from), physics.srBytesPerSecond(from));
      capacities.put(PhysicsParameters.sr(to), physics.srBytesPerSecond(to));
      disks.add(
          new DiskCopy(
              vdi.ref(),
              vdi.integer("virtual_size"),
              vdi.integer("physical_utilisation"),
              PhysicsParameters.sr(from),
              PhysicsParameters.sr(to)));
    }
    MigrationSpec spec =
        new MigrationSpec(
            id,
            live ? PhysicsParameters.populatedMemory(view, vm) : 0,
            physics.dirty(vm),
            disks.build(),
            network.build(),
            PhysicsParameters.streamCap(sourceHost),
            target.crossPool());
    return new Physics(spec, ImmutableMap.copyOf(capacities));
  }

  /** The destination PIF that carries the data: the one with the {@code xenops} URL's IP. */
  static Optional<XapiRecord> receivingPif(MigrationTarget target) {
    PoolView view = target.view();
    return view
        .store()
        .where(
            XapiClass.PIF,
            pif ->
                pif.string("host").equals(target.host().ref())
                    && pif.string("IP").equals(target.dest().remoteIp()))
        .stream()
        .findFirst()
        .or(() -> view.managementPif(target.host().ref()));
  }

  /** A physics spec with the capacities it needs. */
  record Physics(MigrationSpec spec, ImmutableMap<String, Double> capacities) {}
}

package io.xemigrate.storage.mapping;

import com.google.common.collect.ImmutableList;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.Vbd;
import io.xemigrate.xapi.model.Vdi;
import io.xemigrate.xapi.model.Vm;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A disk that a migration must place: a VDI on a non-empty, non-CD VBD of the VM (xapi's {@code
 * VDI_NOT_IN_MAP} rule) or of one of its snapshots.
 *
 * @param ownerUuid the VM or snapshot whose VBD holds the disk
 * @param readOnly whether every VBD of the owner holds it read-only (then it is copied, not
 *     mirrored)
 */
public record VmDisk(Vdi vdi, String ownerUuid, boolean snapshot, boolean readOnly) {

  /** The VM's own disks, in VBD order, then its snapshots' disks, each VDI once. */
  public static ImmutableList<VmDisk> of(PoolInventory inventory, Vm vm) {
    Map<String, VmDisk> disks = new LinkedHashMap<>();
    collect(inventory, vm, false, disks);
    for (String snapshotUuid : vm.snapshotUuids()) {
      inventory.vm(snapshotUuid).ifPresent(snapshot -> collect(inventory, snapshot, true, disks));
    }
    return ImmutableList.copyOf(disks.values());
  }

  private static void collect(
      PoolInventory inventory, Vm owner, boolean snapshot, Map<String, VmDisk> disks) {
    for (Vbd vbd : inventory.vbdsOf(owner)) {
      if (vbd.empty() || vbd.type() == Vbd.Type.CD || vbd.vdiUuid().isEmpty()) {
        continue;
      }
      inventory
          .vdi(vbd.vdiUuid())
          .ifPresent(
              vdi ->
                  disks.putIfAbsent(
                      vdi.uuid(), new VmDisk(vdi, owner.uuid(), snapshot, vbd.readOnly())));
    }
  }
}

package io.xemigrate.planner.check;

import io.xemigrate.planner.Codes;
import io.xemigrate.planner.Finding;
import java.util.List;

/**
 * A snapshot disk follows its parent; one without a mapped parent needs an SR of its own, which
 * xapi takes from the destination pool's default SR (docs/xapi-behaviour.md#unmapped-disks): none,
 * and xapi says {@code VDI_NOT_IN_MAP [vdi]}. The planner maps such disks by rule first and reports
 * those left over.
 */
public final class SnapshotDiskCheck implements HostCheck {
  @Override
  public boolean readsOnlyTheDiskMap() {
    return true;
  }

  @Override
  public List<Finding> check(HostContext context) {
    boolean poolHasDefault = !context.move().destination().pool().defaultSrUuid().isEmpty();
    return context.diskMap().unmapped().stream()
        .filter(disk -> disk.snapshot())
        .map(
            disk ->
                Finding.blocker(
                    Codes.VDI_NOT_IN_MAP,
                    List.of(disk.vdiUuid()),
                    List.of(context.vmUuid(), disk.ownerUuid(), disk.vdiUuid()),
                    "Snapshot disk "
                        + disk.vdiUuid()
                        + " has no destination SR"
                        + (poolHasDefault ? "" : " and the destination pool has no default SR")
                        + ".",
                    "Set a default SR on the destination pool, map it with vdi:"
                        + disk.vdiUuid()
                        + "=<sr>, or delete the snapshot."))
        .toList();
  }
}

package io.xemigrate.planner.check;

import io.xemigrate.network.mapping.UnmappedNic;
import io.xemigrate.planner.Codes;
import io.xemigrate.planner.Finding;
import java.util.List;

/**
 * xapi also demands a network for the VIFs of the VM's snapshots, including VIFs the VM no longer
 * has (a MAC only a snapshot uses): {@code VIF_NOT_IN_MAP [vif]}. XenCenter and Xen Orchestra
 * clients trip over these.
 */
public final class SnapshotVifCheck implements VmCheck {
  @Override
  public List<Finding> check(MoveContext context) {
    return context.nicMap().unmapped().stream()
        .filter(UnmappedNic::snapshot)
        .map(nic -> finding(context, nic))
        .toList();
  }

  private static Finding finding(MoveContext context, UnmappedNic nic) {
    return Finding.blocker(
        Codes.VIF_NOT_IN_MAP,
        List.of(nic.vifUuid()),
        List.of(context.vmUuid(), nic.ownerUuid(), nic.vifUuid()),
        "A snapshot of "
            + context.vm().nameLabel()
            + " has VIF "
            + nic.mac()
            + " with no destination network: "
            + nic.reason()
            + ".",
        "Map it with vif:" + nic.mac() + "=<network>, or delete the snapshot.");
  }
}

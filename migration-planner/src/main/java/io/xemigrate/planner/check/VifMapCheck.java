package io.xemigrate.planner.check;

import io.xemigrate.network.mapping.UnmappedNic;
import io.xemigrate.planner.Codes;
import io.xemigrate.planner.Finding;
import java.util.List;

/**
 * Every VIF of the VM needs a destination network across pools, else {@code VIF_NOT_IN_MAP [vif]}
 * (docs/xapi-behaviour.md#vif-handling). The planner never falls back to the management network.
 */
public final class VifMapCheck implements VmCheck {
  @Override
  public List<Finding> check(MoveContext context) {
    return context.nicMap().unmapped().stream()
        .filter(nic -> !nic.snapshot())
        .map(nic -> finding(context, nic))
        .toList();
  }

  private static Finding finding(MoveContext context, UnmappedNic nic) {
    return Finding.blocker(
        Codes.VIF_NOT_IN_MAP,
        List.of(nic.vifUuid()),
        List.of(context.vmUuid(), nic.vifUuid(), nic.sourceNetworkUuid()),
        "VIF "
            + nic.mac()
            + " of "
            + context.vm().nameLabel()
            + " has no destination network: "
            + nic.reason()
            + ".",
        "Map it with vif:" + nic.mac() + "=<network>, or create a matching network.");
  }
}

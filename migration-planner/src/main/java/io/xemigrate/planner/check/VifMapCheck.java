package io.xemigrate.planner.check;

import io.xemigrate.network.mapping.UnmappedNic;
import io.xemigrate.planner.Codes;
import io.xemigrate.planner.Finding;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every VIF of the VM, and of its snapshots, needs a destination network across pools, else {@code
 * VIF_NOT_IN_MAP [vif]} (docs/xapi-behaviour.md#vif-handling): xapi maps the VM's VIFs and then its
 * snapshots' ({@code infer_vif_map} in {@code ocaml/xapi/xapi_vm_migrate.ml}), including VIFs the
 * VM no longer has (a MAC only a snapshot uses), which XenCenter and Xen Orchestra clients trip
 * over. The planner never falls back to the management network.
 */
public final class VifMapCheck implements VmCheck {
  @Override
  public List<Finding> check(MoveContext context) {
    List<UnmappedNic> unmapped = context.nicMap().unmapped();
    return Stream.concat(
            unmapped.stream().filter(nic -> !nic.snapshot()),
            unmapped.stream().filter(UnmappedNic::snapshot))
        .map(nic -> finding(context, nic))
        .toList();
  }

  private static Finding finding(MoveContext context, UnmappedNic nic) {
    String owner =
        nic.snapshot()
            ? "A snapshot of " + context.vm().nameLabel() + " has VIF " + nic.mac()
            : "VIF " + nic.mac() + " of " + context.vm().nameLabel();
    List<String> objects =
        nic.snapshot()
            ? List.of(context.vmUuid(), nic.ownerUuid(), nic.vifUuid())
            : List.of(context.vmUuid(), nic.vifUuid(), nic.sourceNetworkUuid());
    String remedy = nic.snapshot() ? "or delete the snapshot." : "or create a matching network.";
    return Finding.blocker(
        Codes.VIF_NOT_IN_MAP,
        List.of(nic.vifUuid()),
        objects,
        owner + " has no destination network: " + nic.reason() + ".",
        "Map it with vif:" + nic.mac() + "=<network>, " + remedy);
  }
}

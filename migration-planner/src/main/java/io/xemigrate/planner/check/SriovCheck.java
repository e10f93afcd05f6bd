package io.xemigrate.planner.check;

import io.xemigrate.planner.Codes;
import io.xemigrate.planner.Finding;
import io.xemigrate.xapi.model.Vif;
import java.util.List;

/** An SR-IOV virtual function is bound to the host's NIC: {@code VM_HAS_SRIOV_VIF [vm]}. */
public final class SriovCheck implements VmCheck {
  @Override
  public List<Finding> check(MoveContext context) {
    List<String> sriov =
        context.source().vifsOf(context.vm()).stream().filter(Vif::sriov).map(Vif::uuid).toList();
    if (sriov.isEmpty()) {
      return List.of();
    }
    return List.of(
        Finding.blocker(
            Codes.VM_HAS_SRIOV_VIF,
            List.of(context.vmUuid()),
            concat(context.vmUuid(), sriov),
            "VM " + context.vm().nameLabel() + " has an SR-IOV network interface.",
            "Move the VIF to a normal network, or shut the VM down and move it halted."));
  }

  private static List<String> concat(String first, List<String> rest) {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream())
        .toList();
  }
}

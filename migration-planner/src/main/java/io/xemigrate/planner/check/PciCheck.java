package io.xemigrate.planner.check;

import io.xemigrate.planner.Codes;
import io.xemigrate.planner.Finding;
import java.util.List;

/**
 * A passed-through PCI device pins a VM to its host: {@code VM_HAS_PCI_ATTACHED [vm]}. The count
 * leaves out the virtual functions of NVIDIA SR-IOV vGPUs, as xapi's {@code check_operation_error}
 * does ({@code nvidia_sriov_pcis}, {@code ocaml/xapi/xapi_vm_lifecycle.ml}): such a VM meets the
 * vGPU check instead.
 */
public final class PciCheck implements VmCheck {
  @Override
  public List<Finding> check(MoveContext context) {
    if (context.vm().attachedPciCount() == 0) {
      return List.of();
    }
    return List.of(
        Finding.blocker(
            Codes.VM_HAS_PCI_ATTACHED,
            List.of(context.vmUuid()),
            List.of(context.vmUuid()),
            "VM " + context.vm().nameLabel() + " has a PCI device passed through.",
            "Detach the PCI device, or shut the VM down and start it on the destination."));
  }
}

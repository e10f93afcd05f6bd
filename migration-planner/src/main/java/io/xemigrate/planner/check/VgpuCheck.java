package io.xemigrate.planner.check;

import io.xemigrate.planner.Codes;
import io.xemigrate.planner.Finding;
import io.xemigrate.xapi.model.PowerState;
import java.util.List;

/**
 * A virtual GPU blocks a live move ({@code VM_HAS_VGPU [vm]}); a halted VM may move with it. The
 * inventory does not say whether the vGPU is an NVIDIA one with migration support, so this is
 * conservative.
 */
public final class VgpuCheck implements VmCheck {
  @Override
  public List<Finding> check(MoveContext context) {
    if (context.vm().vgpuUuids().isEmpty() || context.vm().powerState() == PowerState.HALTED) {
      return List.of();
    }
    return List.of(
        Finding.blocker(
            Codes.VM_HAS_VGPU,
            List.of(context.vmUuid()),
            List.of(context.vmUuid()),
            "VM " + context.vm().nameLabel() + " has a virtual GPU.",
            "Shut the VM down and move it halted, or remove the vGPU."));
  }
}

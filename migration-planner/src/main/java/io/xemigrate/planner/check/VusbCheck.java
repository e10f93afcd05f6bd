package io.xemigrate.planner.check;

import io.xemigrate.planner.Codes;
import io.xemigrate.planner.Finding;
import java.util.List;

/** A passed-through USB device pins a VM to its host: {@code VM_HAS_VUSBS [vm]}. */
public final class VusbCheck implements VmCheck {
  @Override
  public List<Finding> check(MoveContext context) {
    if (context.vm().vusbUuids().isEmpty()) {
      return List.of();
    }
    return List.of(
        Finding.blocker(
            Codes.VM_HAS_VUSBS,
            List.of(context.vmUuid()),
            List.of(context.vmUuid()),
            "VM " + context.vm().nameLabel() + " has a USB device passed through.",
            "Unplug and destroy the VUSB, then plan again."));
  }
}

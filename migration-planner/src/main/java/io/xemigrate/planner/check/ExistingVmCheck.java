package io.xemigrate.planner.check;

import io.xemigrate.planner.Codes;
import io.xemigrate.planner.Finding;
import io.xemigrate.xapi.model.PowerState;
import io.xemigrate.xapi.model.Vm;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A cross-pool move keeps the VM's UUID, so the destination's dry-run import replaces a VM of that
 * UUID, which must be halted: {@code VM_BAD_POWER_STATE [existing vm; "Halted"; "<its state>"]}
 * (xapi's {@code VM.precheck} in {@code ocaml/xapi/import.ml}, before the CPU check).
 */
public final class ExistingVmCheck implements HostCheck {
  @Override
  public List<Finding> check(HostContext context) {
    MoveContext move = context.move();
    if (move.intraPool()) {
      return List.of();
    }
    Optional<Vm> existing = move.destination().vm(move.vmUuid());
    if (existing.isEmpty() || existing.get().powerState() == PowerState.HALTED) {
      return List.of();
    }
    String state = existing.get().powerState().toXapi();
    return List.of(
        Finding.blocker(
            Codes.VM_BAD_POWER_STATE,
            List.of(existing.get().uuid(), "Halted", state),
            List.of(move.vmUuid()),
            "A VM with the UUID of "
                + move.vm().nameLabel()
                + " is already "
                + state.toLowerCase(Locale.ROOT)
                + " in the destination pool; the import would replace it.",
            "Shut down and remove the copy in the destination pool, or keep this VM where it"
                + " is."));
  }
}

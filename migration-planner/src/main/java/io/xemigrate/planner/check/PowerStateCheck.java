package io.xemigrate.planner.check;

import io.xemigrate.planner.Codes;
import io.xemigrate.planner.Finding;
import io.xemigrate.xapi.model.PowerState;
import java.util.List;
import java.util.Locale;

/**
 * {@code migrate_send} accepts Halted, Suspended and Running VMs ({@code pool_migrate} only
 * Running, and the planner uses it only for Running VMs): a Paused VM gets {@code
 * VM_BAD_POWER_STATE [vm; "halted, suspended, running"; "paused"]}
 * (docs/xapi-behaviour.md#lifecycle-checks step 2).
 */
public final class PowerStateCheck implements VmCheck {
  static final String EXPECTED = "halted, suspended, running";

  @Override
  public List<Finding> check(MoveContext context) {
    PowerState state = context.vm().powerState();
    return switch (state) {
      case HALTED, SUSPENDED, RUNNING -> List.of();
      case PAUSED ->
          List.of(
              Finding.blocker(
                  Codes.VM_BAD_POWER_STATE,
                  List.of(context.vmUuid(), EXPECTED, state.name().toLowerCase(Locale.ROOT)),
                  List.of(context.vmUuid()),
                  "VM " + context.vm().nameLabel() + " is paused; xapi migrates no paused VM.",
                  "Unpause the VM (xe vm-unpause) or shut it down, then plan again."));
    };
  }
}

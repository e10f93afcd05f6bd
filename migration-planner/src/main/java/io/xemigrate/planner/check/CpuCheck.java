package io.xemigrate.planner.check;

import io.xemigrate.planner.Codes;
import io.xemigrate.planner.Finding;
import io.xemigrate.xapi.model.PowerState;
import java.util.List;

/**
 * The VM's last-boot CPU flags against this host (docs/xapi-behaviour.md#cpu-compatibility): {@code
 * VM_INCOMPATIBLE_WITH_THIS_HOST [vm; host; reason]}. Across pools the check runs in the
 * destination's dry-run import, where the VM does not exist yet, so xapi's first parameter is
 * {@code OpaqueRef:NULL}. Halted VMs are not checked.
 */
public final class CpuCheck implements HostCheck {
  static final String NULL_REF = "OpaqueRef:NULL";

  @Override
  public List<Finding> check(HostContext context) {
    if (context.move().vm().powerState() == PowerState.HALTED) {
      return List.of();
    }
    return context
        .index()
        .cpuIncompatibility(context.move().vm(), context.host())
        .map(
            reason ->
                List.of(
                    Finding.blocker(
                        Codes.VM_INCOMPATIBLE_WITH_THIS_HOST,
                        List.of(
                            context.move().intraPool() ? context.vmUuid() : NULL_REF,
                            context.hostUuid(),
                            reason),
                        List.of(context.vmUuid(), context.hostUuid()),
                        "Host "
                            + context.host().nameLabel()
                            + " cannot run the VM's CPU: "
                            + reason,
                        "Shut the VM down and start it again so it adopts the pool's CPU level,"
                            + " or choose a host with the same vendor and features.")))
        .orElse(List.of());
  }
}

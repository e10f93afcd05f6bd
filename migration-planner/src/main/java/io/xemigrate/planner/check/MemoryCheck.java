package io.xemigrate.planner.check;

import io.xemigrate.planner.Codes;
import io.xemigrate.planner.Finding;
import io.xemigrate.xapi.model.PowerState;
import java.util.List;

/**
 * A running VM needs memory on the destination host by xapi's arithmetic ({@link
 * MemoryArithmetic}), counting the VMs the plan already sends there: {@code
 * HOST_NOT_ENOUGH_FREE_MEMORY ["<needed bytes>"; "<available bytes>"]}. Halted and suspended VMs
 * take no memory on arrival.
 */
public final class MemoryCheck implements HostCheck {
  @Override
  public List<Finding> check(HostContext context) {
    PowerState state = context.move().vm().powerState();
    if (state != PowerState.RUNNING && state != PowerState.PAUSED) {
      return List.of();
    }
    long needed = MemoryArithmetic.needed(context.move().vm(), context.move().intraPool());
    long committed =
        context.index().residentFootprint(context.hostUuid()) + context.plannedFootprint();
    long available = MemoryArithmetic.available(context.host(), committed);
    if (needed <= available) {
      return List.of();
    }
    return List.of(
        Finding.blocker(
            Codes.HOST_NOT_ENOUGH_FREE_MEMORY,
            List.of(String.valueOf(needed), String.valueOf(available)),
            List.of(context.vmUuid(), context.hostUuid()),
            "The VM needs "
                + mib(needed)
                + " MiB; host "
                + context.host().nameLabel()
                + " has "
                + mib(available)
                + " MiB left after the plan's earlier moves.",
            "Free memory on the host, lower the VM's dynamic_min, or choose another host."));
  }

  private static long mib(long bytes) {
    return bytes / (1024 * 1024);
  }
}

package io.xemigrate.planner.check;

import io.xemigrate.planner.Codes;
import io.xemigrate.planner.Finding;
import java.util.List;

/**
 * Inside a pool VIFs keep their networks and xapi refuses a VIF map ({@code
 * OPERATION_NOT_ALLOWED}), so the planner drops the user's {@code vif:} entries and says so.
 */
public final class VifMapIgnoredCheck implements VmCheck {
  @Override
  public List<Finding> check(MoveContext context) {
    if (!context.intraPool() || !context.vifMapGiven()) {
      return List.of();
    }
    return List.of(
        Finding.warning(
            Codes.VIF_MAP_IGNORED,
            List.of(context.vmUuid()),
            List.of(context.vmUuid()),
            "The vif: entries are ignored: inside a pool every VIF keeps its network.",
            "Drop the vif: entries, or change the VM's networks before or after the move."));
  }
}

package io.xemigrate.planner.check;

import io.xemigrate.planner.Finding;
import java.util.List;

/** A check of a VM against one candidate destination host: a feasibility filter of placement. */
public interface HostCheck {
  /** The findings, empty when the host passes; a blocker rejects the host. */
  List<Finding> check(HostContext context);

  /**
   * Whether the findings depend only on the move and the host's disk map (and the plan's SR
   * ledger), not on the host itself. Placement then checks each distinct disk map once per VM
   * instead of once per host: hosts that see the same SRs share one disk map.
   */
  default boolean readsOnlyTheDiskMap() {
    return false;
  }
}

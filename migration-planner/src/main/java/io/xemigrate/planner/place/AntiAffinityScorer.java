package io.xemigrate.planner.place;

import io.xemigrate.planner.AntiAffinity;
import io.xemigrate.planner.check.HostContext;
import java.util.Set;

/**
 * Keeps VMs of one anti-affinity group apart ({@link AntiAffinity}): -1 when the host already runs,
 * or is planned to receive, a VM of one of the VM's groups; 0 otherwise. A preference, not a
 * filter: when every host collides the VM still moves.
 */
public final class AntiAffinityScorer implements Scorer {
  @Override
  public String name() {
    return "anti-affinity";
  }

  @Override
  public double score(HostContext context, PlanLedger ledger) {
    Set<String> groups = context.move().antiAffinityGroups();
    if (groups.isEmpty()) {
      return 0;
    }
    for (String group : groups) {
      if (context.index().residentGroups(context.hostUuid()).contains(group)
          || ledger.plannedGroups(context.hostUuid()).contains(group)) {
        return -1;
      }
    }
    return 0;
  }
}

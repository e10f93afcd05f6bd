package io.xemigrate.planner.place;

import io.xemigrate.planner.Codes;
import io.xemigrate.planner.Finding;
import io.xemigrate.planner.check.MoveContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What to tell the administrator about a VM that no candidate host accepts. */
final class Unplaceable {
  private Unplaceable() {}

  /**
   * What stops a VM no host accepts: the blockers every host shares (the VM must change), else
   * {@code NO_HOSTS_AVAILABLE [vm]} and the blockers of the host that came closest.
   */
  static List<Finding> findings(MoveContext move, Map<String, List<Finding>> rejected) {
    if (rejected.isEmpty()) {
      return List.of(
          Finding.blocker(
              Codes.NO_HOSTS_AVAILABLE,
              List.of(move.vmUuid()),
              List.of(move.vmUuid()),
              "No destination host is left to consider for " + move.vm().nameLabel() + ".",
              "Check the pinned and excluded hosts, or add hosts to the destination."));
    }
    Set<Finding> common = null;
    String nearest = null;
    for (Map.Entry<String, List<Finding>> entry : rejected.entrySet()) {
      if (common == null) {
        common = new LinkedHashSet<>(entry.getValue());
      } else {
        common.retainAll(entry.getValue());
      }
      if (nearest == null || entry.getValue().size() < rejected.get(nearest).size()) {
        nearest = entry.getKey();
      }
    }
    if (!common.isEmpty()) {
      return List.copyOf(common);
    }
    List<Finding> findings = new ArrayList<>();
    findings.add(
        Finding.blocker(
            Codes.NO_HOSTS_AVAILABLE,
            List.of(move.vmUuid()),
            List.of(move.vmUuid()),
            "None of the "
                + rejected.size()
                + " candidate hosts accepts "
                + move.vm().nameLabel()
                + "; the closest, "
                + nearest
                + ", says why below.",
            "Fix what the closest host reports, or see the placement explanation per host."));
    findings.addAll(rejected.get(nearest));
    return findings;
  }
}

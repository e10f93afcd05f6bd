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
   * What stops a VM no host accepts: every host's blockers, each once, in xapi's order (every
   * host's first blocker, the error xapi would raise first there, then every host's second, ...).
   * When the hosts disagree, the planner's own {@code NO_HOSTS_AVAILABLE [vm]} follows xapi's
   * codes; when they all say the same, the VM must change and their blockers say how.
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
    Set<Finding> blockers = new LinkedHashSet<>();
    int longest = rejected.values().stream().mapToInt(List::size).max().orElse(0);
    for (int rank = 0; rank < longest; rank++) {
      for (List<Finding> host : rejected.values()) {
        if (rank < host.size()) {
          blockers.add(host.get(rank));
        }
      }
    }
    List<Finding> findings = new ArrayList<>(blockers);
    boolean unanimous =
        rejected.values().stream().allMatch(host -> blockers.equals(Set.copyOf(host)));
    if (!unanimous) {
      findings.add(
          Finding.blocker(
              Codes.NO_HOSTS_AVAILABLE,
              List.of(move.vmUuid()),
              List.of(move.vmUuid()),
              "None of the "
                  + rejected.size()
                  + " candidate hosts accepts "
                  + move.vm().nameLabel()
                  + "; each host's reasons are above.",
              "Fix what the hosts report, or see the placement explanation per host."));
    }
    return findings;
  }
}

package io.xemigrate.planner.place;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Why a VM went where it went, and why not elsewhere (Nomad's {@code AllocMetric}).
 *
 * @param hostsEvaluated how many candidate hosts were checked
 * @param feasibleHosts how many passed every host check
 * @param rejections each rejected host's blockers, as {@code CODE [params]}
 * @param rejectionCounts how many hosts each code rejected
 * @param topHosts the best feasible hosts with their scores, best first (at most three)
 * @param chosenHostUuid the host chosen, or {@code ""}
 */
public record PlacementExplanation(
    int hostsEvaluated,
    int feasibleHosts,
    Map<String, List<String>> rejections,
    Map<String, Integer> rejectionCounts,
    List<HostScore> topHosts,
    String chosenHostUuid) {

  public PlacementExplanation {
    SortedMap<String, List<String>> copy = new TreeMap<>();
    rejections.forEach((host, reasons) -> copy.put(host, List.copyOf(reasons)));
    rejections = Collections.unmodifiableSortedMap(copy);
    rejectionCounts = Collections.unmodifiableSortedMap(new TreeMap<>(rejectionCounts));
    topHosts = List.copyOf(topHosts);
  }

  /** The answer to "why not host X?", in one sentence. */
  public String whyNot(String hostUuid) {
    if (hostUuid.equals(chosenHostUuid)) {
      return "Host " + hostUuid + " was chosen.";
    }
    List<String> reasons = rejections.get(hostUuid);
    if (reasons != null) {
      return "Host " + hostUuid + " was rejected: " + String.join(", ", reasons) + ".";
    }
    for (HostScore score : topHosts) {
      if (score.hostUuid().equals(hostUuid)) {
        return "Host "
            + hostUuid
            + " was feasible but scored "
            + score.total()
            + " "
            + score.scores()
            + ", below the chosen host.";
      }
    }
    if (hostsEvaluated == 0) {
      return "No host was considered: the VM is blocked by checks that do not depend on the host.";
    }
    return "Host "
        + hostUuid
        + " was feasible but scored below the top hosts, or was not a"
        + " candidate (excluded, pinned away, or being evacuated).";
  }
}

package io.xemigrate.planner.balance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Separates VMs of one anti-affinity group that share a host: on each host, the unit of the group
 * with the most bytes stays and the others move, each to the least loaded host that can take it (no
 * VM of the group there, under the thresholds). What cannot move is returned, by group.
 */
final class AntiAffinityPass {
  private final PoolState state;
  private final PerformancePass placement;

  AntiAffinityPass(PoolState state, PerformancePass placement) {
    this.state = state;
    this.placement = placement;
  }

  /** Group to the host where its VMs still meet. */
  Map<String, String> run() {
    Map<String, String> unmet = new TreeMap<>();
    for (String host : state.pool().hosts().keySet()) {
      Map<String, List<Unit>> byGroup = new TreeMap<>();
      for (Unit unit : state.unitsOn(host)) {
        for (String vm : unit.vms()) {
          for (String group : state.rules().antiAffinity(vm)) {
            List<Unit> members = byGroup.computeIfAbsent(group, g -> new ArrayList<>());
            if (!members.contains(unit)) {
              members.add(unit);
            }
          }
        }
      }
      for (Map.Entry<String, List<Unit>> group : byGroup.entrySet()) {
        List<Unit> members =
            group.getValue().stream()
                .filter(u -> state.hostOf(u).equals(host))
                .sorted(Comparator.comparingLong(Unit::memoryBytes).thenComparing(Unit::key))
                .toList();
        if (members.size() < 2) {
          continue;
        }
        for (Unit unit : members.subList(0, members.size() - 1)) {
          Optional<String> to =
              unit.movable()
                      && state.balancedHosts().contains(host)
                      && state.movedVms() + unit.vms().size() <= state.policy().maxMoves()
                  ? placement.leastLoaded(unit)
                  : Optional.empty();
          if (to.isEmpty()) {
            unmet.put(group.getKey(), host);
          } else {
            state.move(unit, to.get());
          }
        }
      }
    }
    return unmet;
  }
}

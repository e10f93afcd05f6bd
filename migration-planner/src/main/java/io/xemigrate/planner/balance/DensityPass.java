package io.xemigrate.planner.balance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Empties hosts: the hosts cheapest to empty first (fewest bytes on them, then UUID), each emptied
 * only when every unit on it finds a place (largest first, onto the fullest host that stays under
 * the thresholds: best fit) within the most moves; otherwise its units go back. The pool master and
 * hosts with a pinned VM are not emptied; emptied hosts receive nothing.
 */
final class DensityPass {
  private final PoolState state;
  private final Set<String> freed = new TreeSet<>();

  DensityPass(PoolState state) {
    this.state = state;
  }

  /** The hosts emptied, in the order they were. */
  List<String> run() {
    List<String> emptied = new ArrayList<>();
    String master = state.pool().pool().masterHostUuid();
    List<String> candidates =
        state.balancedHosts().stream()
            .filter(host -> !host.equals(master))
            .filter(host -> state.unitsOn(host).stream().allMatch(Unit::movable))
            .sorted(Comparator.comparingLong(this::bytesOn).thenComparing(host -> host))
            .toList();
    for (String host : candidates) {
      if (empty(host)) {
        freed.add(host);
        emptied.add(host);
      }
    }
    return emptied;
  }

  private boolean empty(String host) {
    List<Unit> units =
        state.unitsOn(host).stream()
            .sorted(
                Comparator.comparingDouble((Unit u) -> size(host, u))
                    .reversed()
                    .thenComparing(Unit::key))
            .toList();
    int moves = units.stream().mapToInt(u -> u.vms().size()).sum();
    if (state.movedVms() + moves > state.policy().maxMoves()) {
      return false;
    }
    List<Unit> placed = new ArrayList<>();
    for (Unit unit : units) {
      Optional<String> to = bestFit(host, unit);
      if (to.isEmpty()) {
        placed.forEach(u -> state.move(u, host));
        return false;
      }
      state.move(unit, to.get());
      placed.add(unit);
    }
    return true;
  }

  private Optional<String> bestFit(String from, Unit unit) {
    return state.balancedHosts().stream()
        .filter(host -> !host.equals(from) && !freed.contains(host))
        .filter(host -> state.canReceive(host, unit))
        .max(
            Comparator.comparingDouble((String host) -> state.loadWith(host, unit))
                .thenComparing(Comparator.<String>reverseOrder()));
  }

  private double size(String host, Unit unit) {
    return Math.max(
        unit.cpuCores() / state.cores(host), unit.memoryBytes() / state.memoryTotal(host));
  }

  private long bytesOn(String host) {
    return state.unitsOn(host).stream().mapToLong(Unit::memoryBytes).sum();
  }
}

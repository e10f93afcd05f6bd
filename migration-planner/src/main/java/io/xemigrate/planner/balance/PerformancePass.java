package io.xemigrate.planner.balance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Brings each host over a threshold under it, moving as few bytes as it can: a greedy cover (the
 * unit with the fewest bytes per share of the excess it removes, the excess counted at most once),
 * then an improvement search on that host's moves (drop a move that is not needed, swap a move for
 * a cheaper unit that still brings the host under) until neither helps. Each unit goes to the least
 * loaded host that can take it. Hosts are relieved most overloaded first; ties by UUID.
 */
final class PerformancePass {
  /** Rounds of the improvement search per host: each round can only lower the bytes. */
  private static final int IMPROVEMENT_ROUNDS = 8;

  private final PoolState state;

  PerformancePass(PoolState state) {
    this.state = state;
  }

  /** Relieves every overloaded host; the hosts still over afterwards. */
  List<String> run() {
    List<String> over =
        state.balancedHosts().stream()
            .filter(state::over)
            .sorted(Comparator.comparing(state::overload).reversed().thenComparing(h -> h))
            .toList();
    List<String> stillOver = new ArrayList<>();
    for (String host : over) {
      relieve(host);
      if (state.over(host)) {
        stillOver.add(host);
      }
    }
    return stillOver;
  }

  private void relieve(String host) {
    Map<Unit, String> chosen = new LinkedHashMap<>();
    while (state.over(host)) {
      Optional<Unit> best = cheapest(host);
      if (best.isEmpty()) {
        break;
      }
      Unit unit = best.get();
      String to = leastLoaded(unit).orElseThrow();
      state.move(unit, to);
      chosen.put(unit, to);
    }
    for (int round = 0; round < IMPROVEMENT_ROUNDS; round++) {
      if (!drop(host, chosen) && !swap(host, chosen)) {
        break;
      }
    }
  }

  /** The movable unit on {@code host} with the fewest bytes per share of excess it removes. */
  private Optional<Unit> cheapest(String host) {
    double cpuExcess = state.cpuExcess(host);
    double memoryExcess = state.memoryExcess(host);
    Unit best = null;
    double bestRatio = Double.MAX_VALUE;
    for (Unit unit : state.unitsOn(host)) {
      if (!unit.movable() || !withinBudget(unit) || leastLoaded(unit).isEmpty()) {
        continue;
      }
      double gain = 0;
      if (cpuExcess > 0) {
        gain += Math.min(unit.cpuCores(), cpuExcess) / cpuExcess;
      }
      if (memoryExcess > 0) {
        gain += Math.min(unit.memoryBytes(), memoryExcess) / memoryExcess;
      }
      if (gain <= 0) {
        continue;
      }
      double ratio = (unit.memoryBytes() + 1.0) / gain;
      if (ratio < bestRatio) {
        best = unit;
        bestRatio = ratio;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Undoes the costliest move whose host stays under without it. */
  private boolean drop(String host, Map<Unit, String> chosen) {
    for (Unit unit : byBytesDescending(chosen)) {
      String to = chosen.get(unit);
      state.move(unit, host);
      if (!state.over(host)) {
        chosen.remove(unit);
        return true;
      }
      state.move(unit, to);
    }
    return false;
  }

  /** Replaces a move by a cheaper unit's that keeps the host under its thresholds. */
  private boolean swap(String host, Map<Unit, String> chosen) {
    if (state.over(host)) {
      return false;
    }
    for (Unit unit : byBytesDescending(chosen)) {
      String to = chosen.get(unit);
      state.move(unit, host);
      List<Unit> cheaper =
          state.unitsOn(host).stream()
              .filter(u -> u.movable() && u.memoryBytes() < unit.memoryBytes())
              .filter(u -> !u.key().equals(unit.key()))
              .sorted(Comparator.comparingLong(Unit::memoryBytes).thenComparing(Unit::key))
              .toList();
      for (Unit candidate : cheaper) {
        Optional<String> target = leastLoaded(candidate);
        if (target.isEmpty()) {
          continue;
        }
        state.move(candidate, target.get());
        if (!state.over(host) && state.movedVms() <= state.policy().maxMoves()) {
          chosen.remove(unit);
          chosen.put(candidate, target.get());
          return true;
        }
        state.move(candidate, host);
      }
      state.move(unit, to);
    }
    return false;
  }

  private boolean withinBudget(Unit unit) {
    return state.movedVms() + unit.vms().size() <= state.policy().maxMoves();
  }

  /** The balanced host that can take the unit with the lowest load afterwards; ties by UUID. */
  Optional<String> leastLoaded(Unit unit) {
    return state.balancedHosts().stream()
        .filter(host -> state.canReceive(host, unit))
        .min(Comparator.comparingDouble((String host) -> state.loadWith(host, unit)));
  }

  private static List<Unit> byBytesDescending(Map<Unit, String> chosen) {
    return chosen.keySet().stream()
        .sorted(Comparator.comparingLong(Unit::memoryBytes).reversed().thenComparing(Unit::key))
        .toList();
  }
}

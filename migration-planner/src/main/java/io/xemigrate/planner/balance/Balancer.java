package io.xemigrate.planner.balance;

import io.xemigrate.planner.Codes;
import io.xemigrate.planner.Finding;
import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.Vm;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Chooses the moves inside one pool that balance it: a pure function of the inventory, the load the
 * RRDs showed and the policy. Order of the work: anti-affinity groups sharing a host are separated
 * first (a rule outranks load), then every host is brought under the thresholds, then (density)
 * hosts are emptied. What could not be met is a finding with a remedy.
 */
public final class Balancer {
  private Balancer() {}

  public static BalanceResult balance(PoolInventory pool, PoolLoad load, BalancePolicy policy) {
    VmRules rules = new VmRules(pool, policy.rules());
    PoolState state = new PoolState(pool, load, policy, rules);
    List<HostLoad> before = loads(state);
    List<Finding> findings = new ArrayList<>();
    rules.unknownNames().forEach(name -> findings.add(unknownName(name)));
    PerformancePass performance = new PerformancePass(state);
    new AntiAffinityPass(state, performance)
        .run()
        .forEach((group, host) -> findings.add(antiAffinityUnmet(pool, group, host)));
    List<String> stillOver = performance.run();
    List<String> freed =
        switch (policy.mode()) {
          case PERFORMANCE -> List.of();
          case DENSITY -> new DensityPass(state).run();
        };
    for (String host : stillOver) {
      findings.add(thresholdUnmet(state, host));
    }
    affinityFindings(state).forEach(findings::add);
    if (state.movedVms() >= policy.maxMoves() && (!stillOver.isEmpty() || freed.isEmpty())) {
      findings.add(maxMoves(policy));
    }
    List<HostLoad> after = loads(state);
    return new BalanceResult(
        policy,
        moves(state),
        findings,
        after.stream().filter(h -> freed.contains(h.hostUuid())).toList(),
        before,
        after);
  }

  private static List<BalanceMove> moves(PoolState state) {
    List<BalanceMove> moves = new ArrayList<>();
    for (Unit unit : state.movedUnits()) {
      for (String vmUuid : unit.vms()) {
        Vm vm = state.pool().vm(vmUuid).orElseThrow();
        long bytes = (long) (unit.memoryBytes() * share(state, unit, vm));
        moves.add(
            new BalanceMove(vmUuid, vm.nameLabel(), unit.origin(), state.hostOf(unit), bytes));
      }
    }
    moves.sort(Comparator.comparing(BalanceMove::vmUuid));
    return moves;
  }

  /** A VM's share of its unit's memory (a unit of one VM: 1). */
  private static double share(PoolState state, Unit unit, Vm vm) {
    if (unit.vms().size() == 1) {
      return 1;
    }
    double total =
        unit.vms().stream()
            .mapToDouble(uuid -> state.pool().vm(uuid).map(Vm::memoryActual).orElse(0L))
            .sum();
    return total <= 0 ? 1.0 / unit.vms().size() : vm.memoryActual() / total;
  }

  private static List<HostLoad> loads(PoolState state) {
    List<HostLoad> loads = new ArrayList<>();
    for (Host host : state.pool().hosts().values()) {
      loads.add(
          new HostLoad(
              host.uuid(),
              host.nameLabel(),
              round(state.cpuFraction(host.uuid()) * 100),
              round(state.memoryFraction(host.uuid()) * 100),
              state.unitsOn(host.uuid()).stream().mapToInt(u -> u.vms().size()).sum()));
    }
    return loads;
  }

  private static double round(double percent) {
    return Math.round(percent * 10) / 10.0;
  }

  private static List<Finding> affinityFindings(PoolState state) {
    List<Finding> findings = new ArrayList<>();
    for (Map.Entry<String, Set<String>> group :
        new java.util.TreeMap<>(state.rules().affinityGroups()).entrySet()) {
      Set<String> hosts = new TreeSet<>();
      for (String vm : group.getValue()) {
        state.unitOf(vm).ifPresent(unit -> hosts.add(state.hostOf(unit)));
      }
      if (hosts.size() > 1) {
        findings.add(
            Finding.warning(
                Codes.AFFINITY_UNMET,
                List.of(group.getKey()),
                List.copyOf(group.getValue()),
                "The VMs of affinity group "
                    + group.getKey()
                    + " run on "
                    + hosts.size()
                    + " hosts; a balance moves each host's part as one and does not join them.",
                "Move them onto one host with vm-migrate vm=... host=..., then balance again."));
      }
    }
    return findings;
  }

  private static Finding thresholdUnmet(PoolState state, String host) {
    String name = state.pool().hosts().get(host).nameLabel();
    return Finding.warning(
        Codes.BALANCE_THRESHOLD_UNMET,
        List.of(host, percent(state.cpuFraction(host)), percent(state.memoryFraction(host))),
        List.of(host),
        "Host "
            + name
            + " stays over the thresholds (CPU "
            + percent(state.cpuFraction(host))
            + " %, memory "
            + percent(state.memoryFraction(host))
            + " %): no other host can take enough of its VMs.",
        "Raise cpu-threshold= or memory-threshold=, raise max-moves=, unpin or un-exclude VMs"
            + " and hosts, or add a host to the pool.");
  }

  private static Finding antiAffinityUnmet(PoolInventory pool, String group, String host) {
    return Finding.warning(
        Codes.ANTI_AFFINITY_UNMET,
        List.of(group, host),
        List.of(host),
        "VMs of anti-affinity group "
            + group
            + " stay together on host "
            + pool.hosts().get(host).nameLabel()
            + ": no host without the group can take them under the thresholds.",
        "Add a host, raise the thresholds or max-moves=, or unpin the group's VMs.");
  }

  private static Finding unknownName(String name) {
    return Finding.warning(
        Codes.BALANCE_RULE_UNKNOWN_NAME,
        List.of(name),
        List.of(),
        "The rules name '" + name + "', which is no running VM or host of the pool.",
        "Correct the name in the rules file or remove it.");
  }

  private static Finding maxMoves(BalancePolicy policy) {
    return Finding.warning(
        Codes.BALANCE_MAX_MOVES_REACHED,
        List.of(Integer.toString(policy.maxMoves())),
        List.of(),
        "The balance stopped at max-moves=" + policy.maxMoves() + ".",
        "Raise max-moves= to let it move more VMs.");
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.1f", fraction * 100);
  }
}

package io.xemigrate.planner.balance;

import com.google.common.collect.ImmutableList;
import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.PowerState;
import io.xemigrate.xapi.model.Vm;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where each unit runs during the search, and each host's load that follows: CPU in physical CPUs,
 * memory in bytes. A host's load not explained by its VMs (dom0, Xen) stays with the host. Memory a
 * unit brings counts on its destination at once, memory it leaves is credited to its source only
 * for the source's own figures: the moves may run in any order, so a destination must hold what it
 * receives before anything leaves it.
 */
final class PoolState {
  private final PoolInventory pool;
  private final BalancePolicy policy;
  private final VmRules rules;
  private final TreeMap<String, Unit> units = new TreeMap<>();
  private final Map<String, String> hostOfUnit = new HashMap<>();
  private final Map<String, Double> cpu = new HashMap<>();
  private final Map<String, Double> memory = new HashMap<>();

  PoolState(PoolInventory pool, PoolLoad load, BalancePolicy policy, VmRules rules) {
    this.pool = pool;
    this.policy = policy;
    this.rules = rules;
    for (Host host : pool.hosts().values()) {
      List<Vm> residents =
          pool.residentOn(host.uuid()).stream()
              .filter(vm -> vm.powerState() == PowerState.RUNNING)
              .toList();
      double vmCpu = 0;
      double vmMemory = 0;
      for (Vm vm : residents) {
        vmCpu += vmCpu(load, vm);
        vmMemory += vmMemory(load, vm);
      }
      double hostCpu =
          load.hostCpuFraction().containsKey(host.uuid())
              ? load.hostCpuFraction().get(host.uuid()) * cores(host.uuid())
              : vmCpu;
      double free =
          load.hostMemoryFreeBytes().getOrDefault(host.uuid(), (double) host.memoryFree());
      double used = host.memoryTotal() - free;
      cpu.put(host.uuid(), Math.max(0, hostCpu - vmCpu));
      memory.put(host.uuid(), Math.max(0, used - vmMemory));
      for (List<Vm> group : groupByAffinity(residents)) {
        double unitCpu = group.stream().mapToDouble(vm -> vmCpu(load, vm)).sum();
        long unitMemory = (long) group.stream().mapToDouble(vm -> vmMemory(load, vm)).sum();
        boolean movable = group.stream().noneMatch(vm -> rules.pinned(vm.uuid()));
        ImmutableList<String> vms =
            group.stream().map(Vm::uuid).sorted().collect(ImmutableList.toImmutableList());
        Unit unit = new Unit(vms, host.uuid(), unitCpu, unitMemory, movable);
        units.put(unit.key(), unit);
        hostOfUnit.put(unit.key(), host.uuid());
        cpu.merge(host.uuid(), unitCpu, Double::sum);
        memory.merge(host.uuid(), (double) unitMemory, Double::sum);
      }
    }
  }

  PoolInventory pool() {
    return pool;
  }

  VmRules rules() {
    return rules;
  }

  BalancePolicy policy() {
    return policy;
  }

  /** Hosts that may send and receive: enabled, live, not excluded. UUID order. */
  List<String> balancedHosts() {
    return pool.hosts().values().stream()
        .filter(h -> h.enabled() && h.live() && !rules.excluded(h.uuid()))
        .map(Host::uuid)
        .toList();
  }

  List<Unit> unitsOn(String host) {
    return units.values().stream().filter(u -> hostOfUnit.get(u.key()).equals(host)).toList();
  }

  Optional<Unit> unitOf(String vm) {
    return units.values().stream().filter(u -> u.vms().contains(vm)).findFirst();
  }

  String hostOf(Unit unit) {
    return hostOfUnit.get(unit.key());
  }

  double cores(String host) {
    return Math.max(1, pool.hosts().get(host).cpuCount());
  }

  double memoryTotal(String host) {
    return Math.max(1, pool.hosts().get(host).memoryTotal());
  }

  double cpuFraction(String host) {
    return cpu.get(host) / cores(host);
  }

  double memoryFraction(String host) {
    return memory.get(host) / memoryTotal(host);
  }

  /** CPUs above the threshold, 0 when under. */
  double cpuExcess(String host) {
    return Math.max(0, cpu.get(host) - policy.cpuThreshold() * cores(host));
  }

  /** Bytes above the threshold, 0 when under. */
  double memoryExcess(String host) {
    return Math.max(0, memory.get(host) - policy.memoryThreshold() * memoryTotal(host));
  }

  boolean over(String host) {
    return cpuExcess(host) > 1e-9 || memoryExcess(host) > 0.5;
  }

  /** How far over its thresholds a host is, as the larger of the two shares. */
  double overload(String host) {
    return Math.max(cpuExcess(host) / cores(host), memoryExcess(host) / memoryTotal(host));
  }

  /**
   * Whether {@code host} can take {@code unit}: a balanced host other than where it runs, under
   * both thresholds afterwards (memory without the credit of what leaves), and no VM of an
   * anti-affinity group of the unit's VMs there.
   */
  boolean canReceive(String host, Unit unit) {
    if (host.equals(hostOf(unit)) || !balancedHosts().contains(host)) {
      return false;
    }
    double arriving = host.equals(unit.origin()) ? 0 : unit.memoryBytes();
    double committed = memory.get(host) + outgoingMemory(host) + arriving;
    if (committed > policy.memoryThreshold() * memoryTotal(host)
        || cpu.get(host) + unit.cpuCores() > policy.cpuThreshold() * cores(host) + 1e-9) {
      return false;
    }
    return !conflicts(host, unit);
  }

  /** Whether a VM of {@code unit} shares an anti-affinity group with another VM on {@code host}. */
  boolean conflicts(String host, Unit unit) {
    Set<String> groups = new TreeSet<>();
    unit.vms().forEach(vm -> groups.addAll(rules.antiAffinity(vm)));
    if (groups.isEmpty()) {
      return false;
    }
    for (Unit other : unitsOn(host)) {
      if (other.key().equals(unit.key())) {
        continue;
      }
      for (String vm : other.vms()) {
        if (rules.antiAffinity(vm).stream().anyMatch(groups::contains)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The larger of CPU and memory use a host would have with {@code unit} on it. */
  double loadWith(String host, Unit unit) {
    return Math.max(
        (cpu.get(host) + unit.cpuCores()) / cores(host),
        (memory.get(host) + unit.memoryBytes()) / memoryTotal(host));
  }

  void move(Unit unit, String to) {
    String from = hostOf(unit);
    cpu.merge(from, -unit.cpuCores(), Double::sum);
    memory.merge(from, (double) -unit.memoryBytes(), Double::sum);
    cpu.merge(to, unit.cpuCores(), Double::sum);
    memory.merge(to, (double) unit.memoryBytes(), Double::sum);
    hostOfUnit.put(unit.key(), to);
  }

  /** VMs not on their original host. */
  int movedVms() {
    return units.values().stream()
        .filter(u -> !hostOf(u).equals(u.origin()))
        .mapToInt(u -> u.vms().size())
        .sum();
  }

  /** Units not on their original host, in key order. */
  List<Unit> movedUnits() {
    return units.values().stream().filter(u -> !hostOf(u).equals(u.origin())).toList();
  }

  /** The memory that left {@code host} for elsewhere (not credited to a destination). */
  private double outgoingMemory(String host) {
    return units.values().stream()
        .filter(u -> u.origin().equals(host) && !hostOf(u).equals(host))
        .mapToDouble(Unit::memoryBytes)
        .sum();
  }

  /** VMs sharing an affinity group are one unit (transitively); others alone. Sorted by UUID. */
  private List<List<Vm>> groupByAffinity(List<Vm> residents) {
    List<List<Vm>> groups = new ArrayList<>();
    for (Vm vm : residents.stream().sorted(Comparator.comparing(Vm::uuid)).toList()) {
      List<List<Vm>> joined =
          groups.stream()
              .filter(
                  g ->
                      g.stream()
                          .anyMatch(
                              o ->
                                  rules.affinity(o.uuid()).stream()
                                      .anyMatch(rules.affinity(vm.uuid())::contains)))
              .toList();
      List<Vm> merged = new ArrayList<>();
      joined.forEach(merged::addAll);
      merged.add(vm);
      groups.removeAll(joined);
      groups.add(merged);
    }
    return groups;
  }

  static double vmCpu(PoolLoad load, Vm vm) {
    return load.vmCpuCores().getOrDefault(vm.uuid(), 0.0);
  }

  static double vmMemory(PoolLoad load, Vm vm) {
    return load.vmMemoryBytes()
        .getOrDefault(
            vm.uuid(),
            (double) (vm.memoryActual() > 0 ? vm.memoryActual() : vm.memory().staticMax()));
  }
}

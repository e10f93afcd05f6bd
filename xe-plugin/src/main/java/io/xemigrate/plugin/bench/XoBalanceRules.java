package io.xemigrate.plugin.bench;

import io.xemigrate.planner.balance.BalanceMove;
import io.xemigrate.planner.balance.PoolLoad;
import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.PowerState;
import io.xemigrate.xapi.model.Vm;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The baseline: Xen Orchestra's load-balancer rules (plugin {@code xo-server-load-balancer}, {@code
 * src/performance-plan.js} and {@code src/density-plan.js}), re-implemented from their description
 * over the same inventory and RRD means our planner reads.
 *
 * <p>Performance: hosts over a threshold, busiest first; their running VMs by CPU, highest first;
 * each to the host with the lowest CPU, skipped when that host would reach a threshold; until the
 * source is under both thresholds. (XO's own loop stops lower, at 65/85 of its critical threshold,
 * which moves more; its anti-affinity tag check there does not skip the VM.)
 *
 * <p>Density: hosts other than the master, least busy first; a host with a VM carrying an
 * anti-affinity tag is left; its VMs by memory, largest first, each onto the master if it fits,
 * else the other hosts by free memory, least first (best fit); all or nothing per host.
 */
final class XoBalanceRules {
  private final PoolInventory pool;
  private final PoolLoad load;
  private final double cpuThreshold;
  private final double memoryThreshold;
  private final Map<String, Double> cpu = new HashMap<>();
  private final Map<String, Double> memory = new HashMap<>();
  private final Map<String, String> hostOf = new HashMap<>();

  XoBalanceRules(PoolInventory pool, PoolLoad load, int cpuPercent, int memoryPercent) {
    this.pool = pool;
    this.load = load;
    this.cpuThreshold = cpuPercent / 100.0;
    this.memoryThreshold = memoryPercent / 100.0;
    for (Host host : pool.hosts().values()) {
      cpu.put(host.uuid(), load.hostCpuFraction().getOrDefault(host.uuid(), 0.0));
      double free =
          load.hostMemoryFreeBytes().getOrDefault(host.uuid(), (double) host.memoryFree());
      memory.put(host.uuid(), host.memoryTotal() - free);
    }
    running().forEach(vm -> hostOf.put(vm.uuid(), vm.residentOnHostUuid()));
  }

  List<BalanceMove> performance() {
    List<BalanceMove> moves = new ArrayList<>();
    List<String> over =
        hosts().stream()
            .filter(this::over)
            .sorted(Comparator.comparingDouble((String h) -> cpu.get(h)).reversed())
            .toList();
    for (String source : over) {
      List<Vm> vms =
          running().stream()
              .filter(vm -> vm.residentOnHostUuid().equals(source))
              .sorted(
                  Comparator.comparingDouble((Vm vm) -> vmCpu(vm))
                      .reversed()
                      .thenComparing(Comparator.comparingDouble(this::vmMemory).reversed()))
              .toList();
      for (Vm vm : vms) {
        if (!over(source)) {
          break;
        }
        String destination =
            hosts().stream()
                .filter(h -> !h.equals(source))
                .min(Comparator.comparingDouble((String h) -> cpu.get(h)))
                .orElseThrow();
        if (fits(destination, vm)) {
          moves.add(move(vm, destination));
        }
      }
    }
    return moves;
  }

  List<BalanceMove> density() {
    List<BalanceMove> moves = new ArrayList<>();
    String master = pool.pool().masterHostUuid();
    Set<String> freed = new TreeSet<>();
    List<String> candidates =
        hosts().stream()
            .filter(h -> !h.equals(master))
            .sorted(Comparator.comparingDouble((String h) -> cpu.get(h)))
            .toList();
    for (String source : candidates) {
      List<Vm> vms = running().stream().filter(vm -> hostOf.get(vm.uuid()).equals(source)).toList();
      if (vms.stream().anyMatch(XoBalanceRules::hasAntiAffinityTag)) {
        continue;
      }
      List<BalanceMove> planned = new ArrayList<>();
      boolean all = true;
      for (Vm vm :
          vms.stream().sorted(Comparator.comparingDouble(this::vmMemory).reversed()).toList()) {
        List<String> destinations = new ArrayList<>();
        destinations.add(master);
        hosts().stream()
            .filter(h -> !h.equals(master) && !h.equals(source) && !freed.contains(h))
            .sorted(Comparator.comparingDouble(this::freeMemory))
            .forEach(destinations::add);
        String to =
            destinations.stream()
                .filter(h -> !h.equals(source) && fits(h, vm))
                .findFirst()
                .orElse("");
        if (to.isEmpty()) {
          all = false;
          break;
        }
        planned.add(move(vm, to));
      }
      if (all) {
        freed.add(source);
        moves.addAll(planned);
      } else {
        planned.forEach(this::undo);
      }
    }
    return moves;
  }

  private boolean over(String host) {
    return cpu.get(host) >= cpuThreshold || memory.get(host) >= memoryThreshold * total(host);
  }

  private boolean fits(String host, Vm vm) {
    return cpu.get(host) + vmCpu(vm) * cores(hostOf.get(vm.uuid())) / cores(host) < cpuThreshold
        && memory.get(host) + vmMemory(vm) < memoryThreshold * total(host);
  }

  private BalanceMove move(Vm vm, String to) {
    String from = hostOf.get(vm.uuid());
    double cores = vmCpu(vm) * cores(from);
    cpu.merge(from, -cores / cores(from), Double::sum);
    cpu.merge(to, cores / cores(to), Double::sum);
    memory.merge(from, -vmMemory(vm), Double::sum);
    memory.merge(to, vmMemory(vm), Double::sum);
    hostOf.put(vm.uuid(), to);
    return new BalanceMove(
        vm.uuid(), vm.nameLabel(), vm.residentOnHostUuid(), to, (long) vmMemory(vm));
  }

  private void undo(BalanceMove move) {
    Vm vm = pool.vm(move.vmUuid()).orElseThrow();
    move(vm, move.fromHostUuid());
  }

  /** A VM's CPU as a share of the host it runs on. */
  private double vmCpu(Vm vm) {
    return load.vmCpuCores().getOrDefault(vm.uuid(), 0.0) / cores(hostOf.get(vm.uuid()));
  }

  private double vmMemory(Vm vm) {
    return load.vmMemoryBytes().getOrDefault(vm.uuid(), (double) vm.memoryActual());
  }

  private double freeMemory(String host) {
    return total(host) - memory.get(host);
  }

  private double cores(String host) {
    return Math.max(1, pool.hosts().get(host).cpuCount());
  }

  private double total(String host) {
    return pool.hosts().get(host).memoryTotal();
  }

  private List<String> hosts() {
    return pool.hosts().values().stream().filter(Host::enabled).map(Host::uuid).toList();
  }

  private List<Vm> running() {
    return pool.guests().stream().filter(vm -> vm.powerState() == PowerState.RUNNING).toList();
  }

  private static boolean hasAntiAffinityTag(Vm vm) {
    return vm.tags().stream().anyMatch(tag -> tag.startsWith("xe-migrate:anti-affinity="));
  }
}

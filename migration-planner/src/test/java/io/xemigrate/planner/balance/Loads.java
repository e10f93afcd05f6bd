package io.xemigrate.planner.balance;

import com.google.common.collect.ImmutableMap;
import io.xemigrate.planner.fixtures.Inventories;
import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.Vm;
import java.util.HashMap;
import java.util.Map;

/** A pool with VMs at given CPU loads, and the load record its RRDs would give. */
final class Loads {
  static final long GIB = Inventories.GIB;

  private final Inventories.PoolBuilder pool = Inventories.pool("pool");
  private final Map<String, Double> cpu = new HashMap<>();

  /** A host of 16 CPUs and 64 GiB. */
  Loads host(String id) {
    pool.host(id).memory(64 * GIB, 0);
    return this;
  }

  /** A running VM of {@code gib} GiB on {@code host} keeping {@code cores} CPUs busy. */
  Loads vm(String id, String host, long gib, double cores, String... tags) {
    Inventories.VmBuilder vm = pool.vm(id).on(host).memory(gib * GIB).vcpus(8);
    for (String tag : tags) {
      vm.tag(tag);
    }
    cpu.put(id, cores);
    return this;
  }

  PoolInventory inventory() {
    return pool.build();
  }

  /** What the RRDs show: each VM's CPU as set, memory as it has, hosts as their VMs sum up. */
  static PoolLoad load(PoolInventory inventory, Map<String, Double> cpu) {
    Map<String, Double> hostCpu = new HashMap<>();
    Map<String, Double> hostFree = new HashMap<>();
    Map<String, Double> vmMemory = new HashMap<>();
    for (Host host : inventory.hosts().values()) {
      double used = 0;
      double busy = 0;
      for (Vm vm : inventory.residentOn(host.uuid())) {
        used += vm.memoryActual();
        busy += cpu.getOrDefault(vm.uuid(), 0.0);
        vmMemory.put(vm.uuid(), (double) vm.memoryActual());
      }
      hostCpu.put(host.uuid(), busy / host.cpuCount());
      hostFree.put(host.uuid(), host.memoryTotal() - used);
    }
    return new PoolLoad(
        ImmutableMap.copyOf(hostCpu),
        ImmutableMap.copyOf(hostFree),
        ImmutableMap.copyOf(cpu),
        ImmutableMap.copyOf(vmMemory),
        ImmutableMap.of());
  }

  BalanceResult balance(BalancePolicy policy) {
    PoolInventory inventory = inventory();
    return Balancer.balance(inventory, load(inventory, cpu), policy);
  }
}

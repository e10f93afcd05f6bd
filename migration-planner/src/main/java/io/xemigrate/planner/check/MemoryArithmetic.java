package io.xemigrate.planner.check;

import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.Vm;

/**
 * xapi's memory arithmetic ({@code memory_check.ml}, docs/xapi-behaviour.md#memory-arithmetic), so
 * that the planner's {@code HOST_NOT_ENOUGH_FREE_MEMORY} carries the same two numbers as xapi's.
 *
 * <p>Available on a host: {@code memory_total - host.memory_overhead - Σ(dynamic_min +
 * memory_overhead)} over the VMs resident there (and, here, those the plan already sends there),
 * clamped at 0. Needed by a VM: its target in MiB (dynamic_min; static_max for {@code pv_in_pvh}
 * inside a pool) plus its overhead in MiB, rounded up, in bytes. The shadow multiplier is taken as
 * 1.0, xapi's default, because the inventory does not carry it.
 */
public final class MemoryArithmetic {
  private static final long MIB = 1024L * 1024L;

  private MemoryArithmetic() {}

  /** Bytes the VM needs on the destination host. */
  public static long needed(Vm vm, boolean intraPool) {
    Vm.Memory memory = vm.memory();
    boolean pvInPvh = "pv_in_pvh".equals(vm.domainType());
    // The cross-pool dry run uses Dynamic_min for every domain type.
    long target = (pvInPvh && intraPool) ? memory.staticMax() : memory.dynamicMin();
    return (mibUp(target) + overheadMib(vm)) * MIB;
  }

  /** The VM's overhead in MiB: internal + external + shadow + page tables + PVH shim. */
  static long overheadMib(Vm vm) {
    String type = vm.domainType();
    long vcpus = Math.max(1, vm.vcpusMax());
    long staticMaxMib = mibUp(vm.memory().staticMax());
    long extraInternal = "pv".equals(type) ? 0 : 1;
    long extraExternal = 1;
    long shadow = Math.max(1, ceilDiv(256 * vcpus + 2 * staticMaxMib, 256));
    long pageTables = ceilDiv(38 * vcpus, 256);
    long shim = "pv_in_pvh".equals(type) ? 23 + staticMaxMib / 90 : 0;
    return extraInternal + extraExternal + shadow + pageTables + shim;
  }

  /** What a VM already running on a host takes there, as xapi counts it. */
  public static long footprint(Vm vm) {
    return vm.memory().dynamicMin() + vm.memory().overhead();
  }

  /** Bytes available on the host, given what VMs take there now and what the plan adds. */
  public static long available(Host host, long committed) {
    return Math.max(0, host.memoryTotal() - host.memoryOverhead() - committed);
  }

  private static long mibUp(long bytes) {
    return ceilDiv(bytes, MIB);
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }
}

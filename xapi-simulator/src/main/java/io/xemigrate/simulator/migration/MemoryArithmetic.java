package io.xemigrate.simulator.migration;

/**
 * xapi's memory arithmetic (docs/xapi-behaviour.md#memory-arithmetic, {@code memory_check.ml}):
 * what a VM needs to run on a host and what a host has left. Pure; all figures in bytes.
 */
public final class MemoryArithmetic {
  static final long MIB = 1L << 20;

  /** Which memory figure a caller reserves. */
  public enum Policy {
    /** assert_can_boot_here: dynamic_min, but static_max for pv_in_pvh. */
    STANDARD,
    /** The cross-pool dry run: dynamic_min for every domain type. */
    DYNAMIC_MIN,
    /** Evacuation planning: dynamic_min for hvm and pv, static_max for pvh and pv_in_pvh. */
    EVACUATION
  }

  /** The memory fields of one VM that the arithmetic reads. */
  public record VmMemory(
      String domainType, long dynamicMin, long staticMax, long vcpusMax, double shadowMultiplier) {}

  private MemoryArithmetic() {}

  /** Bytes the VM needs: target plus overhead, each rounded up to whole MiB. */
  public static long needed(VmMemory vm, Policy policy) {
    long staticMaxMib = ceilMib(vm.staticMax());
    long target =
        switch (policy) {
          case STANDARD -> vm.domainType().equals("pv_in_pvh") ? vm.staticMax() : vm.dynamicMin();
          case DYNAMIC_MIN -> vm.dynamicMin();
          case EVACUATION ->
              vm.domainType().equals("pvh") || vm.domainType().equals("pv_in_pvh")
                  ? vm.staticMax()
                  : vm.dynamicMin();
        };
    return (ceilMib(target) + overheadMib(vm, staticMaxMib)) * MIB;
  }

  /** The VM's overhead in MiB, as {@code memory.ml} computes it. */
  static long overheadMib(VmMemory vm, long staticMaxMib) {
    boolean pv = vm.domainType().equals("pv");
    long extraInternal = pv ? 0 : 1;
    long extraExternal = 1;
    double multiplier = pv ? 1.0 : vm.shadowMultiplier();
    long shadow =
        Math.max(1, (long) (ceilDiv(256 * vm.vcpusMax() + 2 * staticMaxMib, 256) * multiplier));
    long vcpuOverhead = ceilDiv(38 * vm.vcpusMax(), 256);
    long shim = vm.domainType().equals("pv_in_pvh") ? 23 + staticMaxMib / 90 : 0;
    return extraInternal + extraExternal + shadow + vcpuOverhead + shim;
  }

  /**
   * Bytes free on a host: total minus the host's own overhead minus, for every VM resident or
   * scheduled there, its dynamic_min plus its memory_overhead; never below zero.
   */
  public static long available(long memoryTotal, long hostOverhead, long residentFootprints) {
    return Math.max(0, memoryTotal - hostOverhead - residentFootprints);
  }

  private static long ceilMib(long bytes) {
    return ceilDiv(bytes, MIB);
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }
}

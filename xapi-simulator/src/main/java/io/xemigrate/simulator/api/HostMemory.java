package io.xemigrate.simulator.api;

import io.xemigrate.simulator.store.ObjectStore;
import io.xemigrate.simulator.store.Refs;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiRecord;

/**
 * xapi's memory arithmetic (docs/xapi-behaviour.md#memory-arithmetic): what a host has left for
 * another VM and what a VM needs to start there.
 */
public final class HostMemory {
  private static final long MIB = 1024L * 1024L;

  private HostMemory() {}

  /**
   * {@code (memory_total − host.memory_overhead) − Σ(dynamic_min + memory_overhead)} over the VMs
   * resident on or scheduled to {@code host}, leaving {@code excludedVm} out; clamped at 0.
   */
  public static long available(ObjectStore store, String host, String excludedVm) {
    XapiRecord record = store.get(XapiClass.HOST, host);
    long total =
        store
            .find(XapiClass.HOST_METRICS, record.string("metrics"))
            .map(m -> m.integer("memory_total"))
            .orElse(0L);
    long used = 0;
    for (XapiRecord vm : store.all(XapiClass.VM)) {
      boolean here =
          vm.string("resident_on").equals(host)
              || vm.string("scheduled_to_be_resident_on").equals(host);
      // The control domain counts like any other resident VM (xapi sums every resident VM).
      if (here && !vm.ref().equals(excludedVm)) {
        used += vm.integer("memory_dynamic_min") + vm.integer("memory_overhead");
      }
    }
    return Math.max(0, total - record.integer("memory_overhead") - used);
  }

  /** Bytes {@code vm} needs to start: target plus the computed overhead, in whole MiB. */
  public static long needed(XapiRecord vm) {
    String domainType = vm.string("domain_type");
    boolean pvInPvh = domainType.equals("pv_in_pvh");
    long staticMaxMib = ceilMib(vm.integer("memory_static_max"));
    long targetMib = pvInPvh ? staticMaxMib : ceilMib(vm.integer("memory_dynamic_min"));
    long vcpus = vm.integer("VCPUs_max");
    boolean pv = domainType.equals("pv");
    double multiplier = pv ? 1.0 : vm.real("HVM_shadow_multiplier");
    long extraInternal = pv ? 0 : 1;
    long shadow = Math.max(1, (long) (ceilDiv(256 * vcpus + 2 * staticMaxMib, 256) * multiplier));
    long shim = pvInPvh ? 23 + staticMaxMib / 90 : 0;
    long overheadMib = extraInternal + 1 + shadow + ceilDiv(38 * vcpus, 256) + shim;
    return (targetMib + overheadMib) * MIB;
  }

  /** Whether {@code host} is known, enabled and has room for {@code vm}. */
  public static boolean fits(ObjectStore store, String host, XapiRecord vm) {
    return !Refs.isNull(host)
        && store.find(XapiClass.HOST, host).map(h -> h.bool("enabled")).orElse(false)
        && available(store, host, vm.ref()) >= needed(vm);
  }

  private static long ceilMib(long bytes) {
    return ceilDiv(bytes, MIB);
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}

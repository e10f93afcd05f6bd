package io.xemigrate.simulator.migration;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.rpc.PoolRuntime;
import io.xemigrate.simulator.store.ObjectStore;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiRecord;
import io.xemigrate.simulator.workload.HiddenWorld;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code GET /sim/hosts/load} (for the bench, never for the planner): each host's true
 * CPU demand over a window of virtual time with the VMs where they run now, from the hidden
 * workloads without measurement noise, and the memory its running VMs have. The control domain's
 * share is the 2 % per CPU the RRDs add too.
 */
final class HostLoadJson {
  private static final long NANOS = 1_000_000_000L;
  private static final double CONTROL_DOMAIN_SHARE = 0.02;

  private HostLoadJson() {}

  /** {@code from}, {@code to}: virtual seconds (default: the next 10 minutes from now). */
  static Map<String, Object> of(
      List<PoolRuntime> pools, HiddenWorld world, Map<String, List<String>> query, long now) {
    long from = Long.parseLong(first(query, "from", Long.toString(now / NANOS)));
    long to = Long.parseLong(first(query, "to", Long.toString(from + 600)));
    if (to <= from) {
      throw new IllegalArgumentException("bad window");
    }
    ImmutableList.Builder<Map<String, Object>> hosts = ImmutableList.builder();
    for (PoolRuntime pool : pools) {
      ObjectStore store = pool.store();
      for (XapiRecord host : store.all(XapiClass.HOST)) {
        hosts.add(host(store, world, host, from * NANOS, to * NANOS, pool.name()));
      }
    }
    return ImmutableMap.of("from", from, "to", to, "hosts", hosts.build());
  }

  private static Map<String, Object> host(
      ObjectStore store, HiddenWorld world, XapiRecord host, long from, long to, String pool) {
    long cpus = physicalCpus(host);
    double busy = CONTROL_DOMAIN_SHARE * cpus;
    long memory = 0;
    int guests = 0;
    for (XapiRecord vm :
        store.where(
            XapiClass.VM,
            vm ->
                vm.string("resident_on").equals(host.ref())
                    && vm.string("power_state").equals("Running")
                    && !vm.bool("is_control_domain"))) {
      guests++;
      double perVcpu = world.vm(vm.uuid()).map(w -> w.meanCpu(from, to)).orElse(0.0);
      busy += perVcpu * vm.integer("VCPUs_max");
      memory +=
          store
              .find(XapiClass.VM_METRICS, vm.string("metrics"))
              .map(m -> m.integer("memory_actual"))
              .orElse(0L);
    }
    long total =
        store
            .find(XapiClass.HOST_METRICS, host.string("metrics"))
            .map(m -> m.integer("memory_total"))
            .orElse(0L);
    return ImmutableMap.<String, Object>builder()
        .put("pool", pool)
        .put("host", host.uuid())
        .put("name", host.string("name_label"))
        .put("cpus", cpus)
        .put("cpuDemand", busy / cpus)
        .put("guestMemoryBytes", memory)
        .put("memoryTotalBytes", total)
        .put("guests", guests)
        .buildOrThrow();
  }

  private static String first(Map<String, List<String>> query, String key, String fallback) {
    List<String> values = query.get(key);
    return values == null || values.isEmpty() ? fallback : values.get(0);
  }

  /** The host's physical CPUs: {@code cpu_info["cpu_count"]} (one host_CPU object each in xapi). */
  private static long physicalCpus(XapiRecord host) {
    try {
      return Math.max(1, Long.parseLong(host.stringMap("cpu_info").getOrDefault("cpu_count", "1")));
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}

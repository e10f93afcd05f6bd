package io.xemigrate.simulator.rrd;

import com.google.common.collect.ImmutableList;
import io.xemigrate.simulator.store.ObjectStore;
import io.xemigrate.simulator.store.Refs;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiRecord;
import io.xemigrate.simulator.workload.Draws;
import io.xemigrate.simulator.workload.HiddenWorld;
import io.xemigrate.simulator.workload.HostTraffic;
import io.xemigrate.simulator.workload.VmWorkload;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The data sources one host's xcp-rrdd records, generated from the hidden workloads with
 * measurement noise: the host's ({@code cpu_avg}, {@code memory_free_kib}, {@code
 * memory_total_kib}, {@code pif_DEV_tx}/{@code _rx}) and those of each VM running on it ({@code
 * cpuN}, {@code memory}, {@code memory_internal_free}, {@code vbd_DEV_read}/{@code _write}, {@code
 * vif_N_tx}/{@code _rx}). Units as xcp-rrdd's: fractions for CPU, bytes for {@code memory}, KiB for
 * the {@code _kib} and {@code memory_internal_free} sources, bytes per second for I/O.
 */
final class HostRrd {
  /** Relative standard deviation of a measured rate. */
  private static final double NOISE = 0.05;

  private final ObjectStore store;
  private final HiddenWorld world;

  HostRrd(ObjectStore store, HiddenWorld world) {
    this.store = store;
    this.world = world;
  }

  /** The host's own sources, prefixed {@code host:UUID:}. */
  ImmutableList<Series> host(XapiRecord host, List<XapiRecord> residents) {
    String prefix = "host:" + host.uuid() + ":";
    List<Series> series = new ArrayList<>();
    long cpus = physicalCpus(host);
    series.add(
        new Series(
            prefix + "cpu_avg",
            noisy(
                prefix + "cpu_avg",
                (from, to) -> {
                  double busy = 0.02 * cpus;
                  for (XapiRecord vm : residents) {
                    double perVcpu = workload(vm).map(w -> w.meanCpu(from, to)).orElse(0.0);
                    busy += perVcpu * vm.integer("VCPUs_max");
                  }
                  return Math.min(1.0, busy / cpus);
                })));
    Optional<XapiRecord> metrics = store.find(XapiClass.HOST_METRICS, host.string("metrics"));
    long total = metrics.map(m -> m.integer("memory_total")).orElse(0L);
    series.add(
        new Series(prefix + "memory_free_kib", (from, to) -> freeMemory(host, total) / 1024.0));
    series.add(new Series(prefix + "memory_total_kib", (from, to) -> total / 1024.0));
    List<XapiRecord> pifs = physicalPifs(host);
    Optional<HostTraffic> background = world.host(host.uuid());
    for (XapiRecord pif : pifs) {
      double nominal = speedBytesPerSecond(pif);
      for (String direction : List.of("tx", "rx")) {
        String name = prefix + "pif_" + pif.string("device") + "_" + direction;
        series.add(
            new Series(
                name,
                noisy(
                    name,
                    (from, to) -> {
                      double guests = 0;
                      for (XapiRecord vm : residents) {
                        guests += workload(vm).map(w -> w.meanNetwork(from, to)).orElse(0.0);
                      }
                      double other =
                          background.map(b -> b.meanBytesPerSecond(nominal, from, to)).orElse(0.0);
                      return other + guests / pifs.size();
                    })));
      }
    }
    return ImmutableList.copyOf(series);
  }

  /** One VM's sources, prefixed {@code vm:UUID:}. */
  ImmutableList<Series> vm(XapiRecord vm) {
    String prefix = "vm:" + vm.uuid() + ":";
    Optional<VmWorkload> workload = workload(vm);
    List<Series> series = new ArrayList<>();
    long vcpus = vm.integer("VCPUs_max");
    for (int cpu = 0; cpu < vcpus; cpu++) {
      String name = prefix + "cpu" + cpu;
      series.add(
          new Series(
              name, noisy(name, (from, to) -> workload.map(w -> w.meanCpu(from, to)).orElse(0.0))));
    }
    long actual =
        store
            .find(XapiClass.VM_METRICS, vm.string("metrics"))
            .map(m -> m.integer("memory_actual"))
            .orElse(0L);
    series.add(new Series(prefix + "memory", (from, to) -> (double) actual));
    if (!Refs.isNull(vm.string("guest_metrics"))) {
      double used = workload.map(VmWorkload::memoryUsedFraction).orElse(0.5);
      String name = prefix + "memory_internal_free";
      series.add(new Series(name, noisy(name, (from, to) -> actual * (1 - used) / 1024.0)));
    }
    List<XapiRecord> disks = disks(vm);
    for (XapiRecord vbd : disks) {
      String device = vbd.string("device");
      String read = prefix + "vbd_" + device + "_read";
      String write = prefix + "vbd_" + device + "_write";
      int count = disks.size();
      series.add(
          new Series(
              read,
              noisy(
                  read,
                  (from, to) ->
                      workload.map(w -> w.diskReadBytesPerSecond() / count).orElse(0.0))));
      series.add(
          new Series(
              write,
              noisy(
                  write,
                  (from, to) -> workload.map(w -> w.meanDiskWrite(from, to) / count).orElse(0.0))));
    }
    List<XapiRecord> vifs =
        vm.strings("VIFs").stream()
            .map(ref -> store.find(XapiClass.VIF, ref))
            .flatMap(Optional::stream)
            .toList();
    for (XapiRecord vif : vifs) {
      for (String direction : List.of("tx", "rx")) {
        String name = prefix + "vif_" + vif.string("device") + "_" + direction;
        int count = vifs.size();
        series.add(
            new Series(
                name,
                noisy(
                    name,
                    (from, to) -> workload.map(w -> w.meanNetwork(from, to) / count).orElse(0.0))));
      }
    }
    return ImmutableList.copyOf(series);
  }

  /** The running guests of {@code hostRef}, the control domain left out (as xcp-rrdd's VM RRDs). */
  ImmutableList<XapiRecord> residents(String hostRef, Set<String> onlyUuids) {
    return store
        .where(
            XapiClass.VM,
            vm ->
                vm.string("resident_on").equals(hostRef)
                    && vm.string("power_state").equals("Running")
                    && !vm.bool("is_control_domain")
                    && (onlyUuids.isEmpty() || onlyUuids.contains(vm.uuid())))
        .stream()
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * What Xen has free on the host as xcp-rrdd reads it (physinfo's free pages, xapi's {@code
   * ocaml/xenops/memory_summary.ml} shows the same split): the total less Xen's own share ({@code
   * host.memory_overhead}) and every running domain's memory, the control domain's too. It follows
   * the VMs: a VM that migrates away frees its memory here.
   */
  private double freeMemory(XapiRecord host, long total) {
    long used = host.integer("memory_overhead");
    for (XapiRecord vm :
        store.where(
            XapiClass.VM,
            vm ->
                vm.string("resident_on").equals(host.ref())
                    && vm.string("power_state").equals("Running"))) {
      used +=
          store
              .find(XapiClass.VM_METRICS, vm.string("metrics"))
              .map(m -> m.integer("memory_actual"))
              .orElse(0L);
    }
    return Math.max(0, total - used);
  }

  private Optional<VmWorkload> workload(XapiRecord vm) {
    return world.vm(vm.uuid());
  }

  private List<XapiRecord> disks(XapiRecord vm) {
    return vm.strings("VBDs").stream()
        .map(ref -> store.find(XapiClass.VBD, ref))
        .flatMap(Optional::stream)
        .filter(vbd -> vbd.string("type").equals("Disk") && !vbd.string("device").isEmpty())
        .toList();
  }

  private List<XapiRecord> physicalPifs(XapiRecord host) {
    return host.strings("PIFs").stream()
        .map(ref -> store.find(XapiClass.PIF, ref))
        .flatMap(Optional::stream)
        .filter(pif -> pif.bool("physical"))
        .toList();
  }

  private double speedBytesPerSecond(XapiRecord pif) {
    return store
        .find(XapiClass.PIF_METRICS, pif.string("metrics"))
        .map(m -> m.integer("speed") * 1e6 / 8)
        .orElse(10e9 / 8);
  }

  /**
   * A reading with multiplicative measurement noise that depends only on the source and the window,
   * so the same row reads the same every time it is asked for (an RRD is stored data).
   */
  private Series.Reading noisy(String name, Series.Reading truth) {
    long seed = world.seed() * 31 + name.hashCode();
    return (from, to) -> {
      double value = truth.mean(from, to);
      double factor = 1 + NOISE * Draws.gaussian(seed, Math.floorDiv(to, 1_000_000_000L));
      return Math.max(0, value * factor);
    };
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

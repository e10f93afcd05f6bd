package io.xemigrate.simulator.workload;

import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.scenario.Scenario;
import io.xemigrate.simulator.scenario.WorkloadSpec;
import io.xemigrate.simulator.scenario.WorkloadSpec.KindSpec;
import io.xemigrate.simulator.scenario.WorkloadSpec.Spread;
import io.xemigrate.simulator.store.ObjectStore;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The truth the simulator keeps to itself: every VM's workload process, every host's background NIC
 * traffic, and the load guests put on their SRs, keyed by UUID (a VM keeps its workload when it
 * moves, even to another pool). Drawn once from the scenario's seed. Nothing here is written to a
 * XenAPI record; the migration physics, the RRD data and the control endpoint read it.
 */
public final class HiddenWorld {
  private static final long NANOS = 1_000_000_000L;
  private static final long MIB = 1L << 20;
  private static final Spread DEFAULT_BACKGROUND = new Spread(15.0, 0.5);

  private final long seed;
  private final ImmutableMap<String, VmWorkload> vms;
  private final ImmutableMap<String, HostTraffic> hosts;
  private final ImmutableMap<String, Double> srLoad;

  private HiddenWorld(
      long seed,
      ImmutableMap<String, VmWorkload> vms,
      ImmutableMap<String, HostTraffic> hosts,
      ImmutableMap<String, Double> srLoad) {
    this.seed = seed;
    this.vms = vms;
    this.hosts = hosts;
    this.srLoad = srLoad;
  }

  /** A world with no workloads (worlds built by hand in tests). */
  public static HiddenWorld empty() {
    return new HiddenWorld(1, ImmutableMap.of(), ImmutableMap.of(), ImmutableMap.of());
  }

  /** Draws the hidden workloads of {@code scenario}, whose pools are built in {@code stores}. */
  public static HiddenWorld draw(Scenario scenario, Map<String, ObjectStore> stores) {
    WorkloadSpec spec = scenario.workloads();
    long seed = spec == null || spec.seed() == null ? 1 : spec.seed();
    WorkloadKinds kinds = WorkloadKinds.of(spec);
    Spread background =
        spec == null || spec.nicBackgroundPercent() == null
            ? DEFAULT_BACKGROUND
            : spec.nicBackgroundPercent();
    Map<String, VmWorkload> vms = new HashMap<>();
    Map<String, HostTraffic> hosts = new HashMap<>();
    Map<String, Double> srLoad = new HashMap<>();
    for (Scenario.PoolSpec pool : scenario.pools()) {
      ObjectStore store = stores.get(pool.name());
      for (Scenario.HostSpec host : pool.hosts()) {
        byName(store, XapiClass.HOST, host.name())
            .ifPresent(
                r ->
                    hosts.put(
                        r.uuid(),
                        hostTraffic(seed, host.name(), hostShare(spec, host.name(), background))));
      }
      for (Scenario.VmSpec vm : pool.vms() == null ? List.<Scenario.VmSpec>of() : pool.vms()) {
        Optional<XapiRecord> record = byName(store, XapiClass.VM, vm.name());
        if (record.isEmpty()) {
          continue;
        }
        VmWorkload workload = vmWorkload(seed, vm, kinds);
        vms.put(record.get().uuid(), workload);
        if ("Running".equals(vm.powerState()) && vm.disks() != null) {
          double perDisk =
              (workload.diskWriteBytesPerSecond() + workload.diskReadBytesPerSecond())
                  / Math.max(1, vm.disks().size());
          for (Scenario.DiskSpec disk : vm.disks()) {
            byName(store, XapiClass.SR, disk.sr())
                .ifPresent(sr -> srLoad.merge(sr.uuid(), perDisk, Double::sum));
          }
        }
      }
    }
    return new HiddenWorld(
        seed, ImmutableMap.copyOf(vms), ImmutableMap.copyOf(hosts), ImmutableMap.copyOf(srLoad));
  }

  public long seed() {
    return seed;
  }

  public Optional<VmWorkload> vm(String uuid) {
    return Optional.ofNullable(vms.get(uuid));
  }

  public ImmutableMap<String, VmWorkload> vms() {
    return vms;
  }

  public Optional<HostTraffic> host(String uuid) {
    return Optional.ofNullable(hosts.get(uuid));
  }

  /** Mean bytes per second the scenario's running guests read and write on SR {@code uuid}. */
  public double srLoadBytesPerSecond(String uuid) {
    return srLoad.getOrDefault(uuid, 0.0);
  }

  /** The host's fixed share when the scenario names it, else the scenario's distribution. */
  private static Spread hostShare(WorkloadSpec spec, String host, Spread background) {
    Double fixed =
        spec == null || spec.nicBackgroundPercentByHost() == null
            ? null
            : spec.nicBackgroundPercentByHost().get(host);
    return fixed == null ? background : new Spread(fixed, 0.0);
  }

  private static HostTraffic hostTraffic(long seed, String name, Spread background) {
    SplittableRandom random = Draws.source(seed, "host:" + name);
    double share = Math.min(0.6, Math.max(0, Draws.draw(background, random) / 100));
    return new HostTraffic(random.nextLong(), share, 0.3, 3600 * NANOS);
  }

  private static VmWorkload vmWorkload(long seed, Scenario.VmSpec vm, WorkloadKinds kinds) {
    boolean ownFigures = vm.dirtyRateMBps() != null || vm.writableWorkingSetMiB() != null;
    String kindName =
        vm.workload() != null
            ? vm.workload()
            : ownFigures ? WorkloadKinds.GENERAL : WorkloadKinds.DEFAULT;
    KindSpec kind = kinds.get(kindName);
    SplittableRandom random = Draws.source(seed, "vm:" + vm.name());
    long memory = (vm.memoryMiB() == null ? 1024 : vm.memoryMiB()) * MIB;
    Spread dirty =
        vm.dirtyRateMBps() == null
            ? kind.dirtyRateMBps()
            : new Spread(vm.dirtyRateMBps(), kind.dirtyRateMBps().spread());
    double dirtyRate = Draws.draw(dirty, random) * 1e6;
    double workingSet =
        vm.writableWorkingSetMiB() == null
            ? memory * Draws.draw(kind.workingSetPercent(), random) / 100
            : Draws.draw(
                    new Spread(
                        (double) vm.writableWorkingSetMiB(), kind.workingSetPercent().spread()),
                    random)
                * MIB;
    double write = Draws.draw(kind.diskWriteMBps(), random) * 1e6;
    double read = Draws.draw(kind.diskReadMBps(), random) * 1e6;
    double cpu = Math.min(1, Draws.draw(kind.cpuPercent(), random) / 100);
    double network = Draws.draw(kind.networkMBps(), random) * 1e6;
    double used = Math.min(0.98, Draws.draw(kind.memoryUsedPercent(), random) / 100);
    long every = Math.max(1, kind.burstEverySeconds()) * NANOS;
    long burst = Math.min(every, Math.max(0, kind.burstSeconds()) * NANOS);
    double drift = Math.min(0.9, Math.max(0, kind.driftPercent() / 100));
    return new VmWorkload(
        kindName,
        random.nextLong(),
        dirtyRate,
        (long) Math.min(memory, Math.max(0, workingSet)),
        write,
        read,
        cpu,
        network,
        used,
        Math.max(1, kind.burstFactor()),
        every,
        burst,
        drift,
        Math.max(1, kind.driftPeriodSeconds()) * NANOS);
  }

  private static Optional<XapiRecord> byName(ObjectStore store, XapiClass cls, String name) {
    return store.where(cls, r -> r.string("name_label").equals(name)).stream().findFirst();
  }
}

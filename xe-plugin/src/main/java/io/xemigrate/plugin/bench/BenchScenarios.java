package io.xemigrate.plugin.bench;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.scenario.Scenario;
import io.xemigrate.simulator.scenario.Scenario.DiskSpec;
import io.xemigrate.simulator.scenario.Scenario.HostSpec;
import io.xemigrate.simulator.scenario.Scenario.NetworkSpec;
import io.xemigrate.simulator.scenario.Scenario.NicSpec;
import io.xemigrate.simulator.scenario.Scenario.PifSpec;
import io.xemigrate.simulator.scenario.Scenario.PoolSpec;
import io.xemigrate.simulator.scenario.Scenario.SrSpec;
import io.xemigrate.simulator.scenario.Scenario.UserSpec;
import io.xemigrate.simulator.scenario.Scenario.VmSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The bench's generated scenarios, in the simulator's format. Hosts to evacuate are disabled (the
 * bench's convention, see {@link BenchBatch}). Seeded: the same call gives the same scenario.
 *
 * <p>A VM's dirty rate and working set given here are the medians of its hidden workload process in
 * the simulator (spread, bursts and drift around them); SR throughputs and NIC speeds are nominal.
 * No VM or SR carries an xe-migrate hint in other_config: the planner sees only what xapi shows
 * (records, {@code PIF_metrics.speed}, RRD data), as on a real pool.
 */
public final class BenchScenarios {
  private static final long TEN_GBE_MBPS = 10_000;
  private static final long SR_MBYTES = 400;
  private static final long[] MEMORY_MIB = {2048, 4096, 8192, 16384, 32768};

  private BenchScenarios() {}

  /**
   * One host evacuated to four others of its pool over 10 GbE: 40 VMs, of which 6 memory-intensive
   * (12-16 GiB, 130-145 MB/s spread over all their memory, as in-memory caches and analytics do: an
   * unshared 2 Gbit/s stream outruns them, a NIC shared by ten streams does not) and 34 idle or
   * light ones (2-8 GiB, 0.5-20 MB/s, working set 64-256 MiB): few hot VMs among many quiet ones,
   * where ordering and pacing matter (docs/migration-model.md#ordering).
   */
  public static Scenario mixedEvacuation(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<VmSpec> vms = new ArrayList<>();
    for (int v = 0; v < 40; v++) {
      String name = String.format(Locale.ROOT, "vm-%04d", v);
      long memory = 2048 + random.nextInt(6144);
      if (v % 7 == 3) {
        long hot = 12_288 + 1024 * random.nextInt(5);
        vms.add(vm(name, "h00", hot, 130 + 15 * random.nextDouble(), hot, null));
      } else if (v % 3 == 0) {
        vms.add(vm(name, "h00", memory, 5 + 15 * random.nextDouble(), 256, null));
      } else {
        vms.add(vm(name, "h00", memory, 0.5 + 1.5 * random.nextDouble(), 64, null));
      }
    }
    return new Scenario(
        "one host evacuated, 40 VMs, mixed dirty rates",
        null,
        users(),
        ImmutableList.of(pool("bench-pool", 0, 5, 1, 524_288L, vms, false)));
  }

  /**
   * Eight hosts of pool A evacuated into the eight hosts of pool B, 160 VMs with their disks on the
   * hosts' local SRs: every move is a cross-pool {@code VM.migrate_send} with storage motion.
   */
  public static Scenario eightHostsAcrossPools(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<VmSpec> vms = new ArrayList<>();
    for (int v = 0; v < 160; v++) {
      String host = hostName(v % 8);
      long diskGiB = 10 + random.nextInt(31);
      vms.add(
          mixedVm(
              random,
              String.format(Locale.ROOT, "vm-%04d", v),
              host,
              new DiskSpec(null, null, host + "-local", diskGiB, 50, null, null, null)));
    }
    return new Scenario(
        "8 hosts evacuated across pools, 160 VMs with disks",
        null,
        users(),
        ImmutableList.of(
            pool("pool-a", 0, 8, 8, 524_288L, vms, true),
            pool("pool-b", 1, 8, 0, 524_288L, List.of(), true)));
  }

  /** A 96-host pool whose 64 first hosts, holding {@code vms} VMs, drain onto the other 32. */
  public static Scenario largeDrain(int vms, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<VmSpec> specs = new ArrayList<>();
    for (int v = 0; v < vms; v++) {
      specs.add(mixedVm(random, String.format(Locale.ROOT, "vm-%04d", v), hostName(v % 64), null));
    }
    return new Scenario(
        "64 hosts drained, " + vms + " VMs",
        null,
        users(),
        ImmutableList.of(pool("bench-pool", 0, 96, 64, 2_097_152L, specs, false)));
  }

  /** A tiny one for tests: {@code vms} VMs on one host evacuated to two others. */
  public static Scenario tiny(int vms, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<VmSpec> specs = new ArrayList<>();
    for (int v = 0; v < vms; v++) {
      specs.add(mixedVm(random, String.format(Locale.ROOT, "vm-%04d", v), "h00", null));
    }
    return new Scenario(
        "tiny evacuation, " + vms + " VMs",
        null,
        users(),
        ImmutableList.of(pool("bench-pool", 0, 3, 1, 524_288L, specs, false)));
  }

  /** A tiny cross-pool one for tests: {@code vms} VMs with a local disk each, one host to two. */
  public static Scenario tinyAcrossPools(int vms, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<VmSpec> specs = new ArrayList<>();
    for (int v = 0; v < vms; v++) {
      specs.add(
          mixedVm(
              random,
              String.format(Locale.ROOT, "vm-%04d", v),
              "h00",
              new DiskSpec(null, null, "h00-local", 4L, 50, null, null, null)));
    }
    return new Scenario(
        "tiny evacuation across pools, " + vms + " VMs",
        null,
        users(),
        ImmutableList.of(
            pool("pool-a", 0, 1, 1, 524_288L, specs, true),
            pool("pool-b", 1, 2, 0, 524_288L, List.of(), true)));
  }

  /**
   * One pool of {@code hostCount} hosts; the first {@code evacuated} are disabled. Pools are told
   * apart by {@code index} (names, addresses, SR names).
   *
   * @param localSrs whether each host has a local SR named {@code <host>-local}
   */
  private static PoolSpec pool(
      String name,
      int index,
      int hostCount,
      int evacuated,
      long hostMemoryMiB,
      List<VmSpec> vms,
      boolean localSrs) {
    List<HostSpec> hosts = new ArrayList<>();
    List<PifSpec> pifs = new ArrayList<>();
    List<SrSpec> srs = new ArrayList<>();
    srs.add(sr("shared-nfs", "nfs", true, null, 1000));
    for (int h = 0; h < hostCount; h++) {
      String host = index == 0 ? hostName(h) : String.format(Locale.ROOT, "p%dh%02d", index, h);
      hosts.add(
          new HostSpec(
              host,
              null,
              h == hostCount - 1,
              h >= evacuated,
              null,
              hostMemoryMiB,
              null,
              null,
              null,
              ImmutableList.of(new NicSpec("eth0", null, TEN_GBE_MBPS)),
              null,
              null));
      pifs.add(
          new PifSpec(
              host,
              "eth0",
              String.format(Locale.ROOT, "10.%d.%d.%d", index, h / 200, 10 + h % 200),
              null,
              null,
              true));
      if (localSrs) {
        srs.add(sr(host + "-local", "ext", false, host, SR_MBYTES));
      }
    }
    return new PoolSpec(
        name,
        null,
        "shared-nfs",
        hosts,
        srs,
        ImmutableList.of(
            new NetworkSpec("management", null, "xenbr0", null, 1500L, pifs, ImmutableMap.of())),
        vms);
  }

  private static SrSpec sr(String name, String type, boolean shared, String host, long mbytes) {
    return new SrSpec(
        name,
        null,
        type,
        shared,
        host,
        shared ? 1_048_576L : 4096L,
        shared ? 700_000L : 3500L,
        mbytes,
        null,
        null);
  }

  /**
   * A VM of the general mix: 35 % idle (0.5-2 MB/s, WWS 64 MiB), 30 % general (5-20 MB/s, WWS 5 %
   * up to 512 MiB), 20 % database (40-100 MB/s, WWS 10 % up to 2 GiB), 15 % hot (100-220 MB/s, WWS
   * 1-2 GiB: close to one stream's rate).
   */
  private static VmSpec mixedVm(SplittableRandom random, String name, String host, DiskSpec disk) {
    long configured = MEMORY_MIB[random.nextInt(MEMORY_MIB.length)];
    long memory = (long) (configured * (0.5 + 0.5 * random.nextDouble()));
    double kind = random.nextDouble();
    double rate;
    long wws;
    if (kind < 0.35) {
      rate = 0.5 + 1.5 * random.nextDouble();
      wws = 64;
    } else if (kind < 0.65) {
      rate = 5 + 15 * random.nextDouble();
      wws = Math.min(memory / 20, 512);
    } else if (kind < 0.85) {
      rate = 40 + 60 * random.nextDouble();
      wws = Math.min(memory / 10, 2048);
    } else {
      rate = 100 + 120 * random.nextDouble();
      wws = (long) ((1 + random.nextDouble()) * 1024);
    }
    return vm(name, host, memory, rate, wws, disk);
  }

  private static VmSpec vm(
      String name, String host, long memoryMiB, double rateMBps, long wwsMiB, DiskSpec disk) {
    double rate = Math.round(rateMBps * 10) / 10.0;
    return VmSpec.plainGuest(
        name,
        "Running",
        host,
        memoryMiB,
        2,
        rate,
        wwsMiB,
        true,
        disk != null ? disk : new DiskSpec(null, null, "shared-nfs", 20L, 50, null, null, null));
  }

  private static ImmutableList<UserSpec> users() {
    return ImmutableList.of(new UserSpec("root", "xenroot", "pool-admin"));
  }

  private static String hostName(int index) {
    return String.format(Locale.ROOT, "h%02d", index);
  }
}

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
import io.xemigrate.simulator.scenario.Scenario.VifSpec;
import io.xemigrate.simulator.scenario.Scenario.VmSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The bench's generated scenarios, in the simulator's format. Every host to evacuate is disabled
 * (the bench's convention, see {@link BenchBatch}); disks stay on a shared NFS SR, so every move is
 * a live memory move ({@code VM.pool_migrate}). Seeded: the same call gives the same scenario.
 *
 * <p>Workload mix (as the planner's own generated batches): 35 % idle (0.5-2 MB/s, WWS 64 MiB), 30
 * % general (5-20 MB/s, WWS 5 % of memory up to 512 MiB), 20 % database (40-100 MB/s, WWS 10 % up
 * to 2 GiB), 15 % hot (100-220 MB/s, WWS 1-2 GiB: close to one stream's rate).
 */
public final class BenchScenarios {
  private static final long TEN_GBE_MBPS = 10_000;
  private static final long[] MEMORY_MIB = {2048, 4096, 8192, 16384, 32768};

  private BenchScenarios() {}

  /** One host evacuated to four others of its pool: 24 VMs with mixed dirty rates. */
  public static Scenario mixedEvacuation(long seed) {
    return pool("one host evacuated, 24 VMs, mixed dirty rates", 5, 1, 24, 524_288L, seed);
  }

  /** Eight hosts of a 16-host pool evacuated to the other eight: 160 VMs. */
  public static Scenario eightHosts(long seed) {
    return pool("8 hosts evacuated, 160 VMs", 16, 8, 160, 524_288L, seed);
  }

  /** A 64-host pool with {@code vms} VMs drained onto 32 new hosts of the same pool. */
  public static Scenario largeDrain(int vms, long seed) {
    return pool("64 hosts drained, " + vms + " VMs", 96, 64, vms, 2_097_152L, seed);
  }

  /** A tiny one for tests: {@code vms} VMs on one host evacuated to two others. */
  public static Scenario tiny(int vms, long seed) {
    return pool("tiny evacuation, " + vms + " VMs", 3, 1, vms, 524_288L, seed);
  }

  /**
   * One pool of {@code hostCount} hosts; the first {@code evacuated} are disabled and hold all
   * {@code vmCount} VMs, round robin.
   */
  static Scenario pool(
      String name, int hostCount, int evacuated, int vmCount, long hostMemoryMiB, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<HostSpec> hosts = new ArrayList<>();
    List<PifSpec> pifs = new ArrayList<>();
    for (int h = 0; h < hostCount; h++) {
      String host = hostName(h);
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
              String.format(Locale.ROOT, "10.0.%d.%d", h / 200, 10 + h % 200),
              null,
              null,
              true));
    }
    List<VmSpec> vms = new ArrayList<>();
    for (int v = 0; v < vmCount; v++) {
      vms.add(vm(random, String.format(Locale.ROOT, "vm-%04d", v), hostName(v % evacuated)));
    }
    PoolSpec pool =
        new PoolSpec(
            "bench-pool",
            null,
            "shared-nfs",
            hosts,
            ImmutableList.of(
                new SrSpec(
                    "shared-nfs", null, "nfs", true, null, 1_048_576L, 700_000L, 1000L, null)),
            ImmutableList.of(
                new NetworkSpec(
                    "management", null, "xenbr0", null, 1500L, pifs, ImmutableMap.of())),
            vms);
    return new Scenario(
        name,
        null,
        ImmutableList.of(new UserSpec("root", "xenroot", "pool-admin")),
        ImmutableList.of(pool));
  }

  private static VmSpec vm(SplittableRandom random, String name, String host) {
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
    return new VmSpec(
        name,
        null,
        "Running",
        host,
        null,
        memory,
        null,
        2L,
        null,
        Math.round(rate * 10) / 10.0,
        wws,
        true,
        ImmutableList.of(new DiskSpec(null, null, "shared-nfs", 20L, 50, null, null, null)),
        ImmutableList.of(new VifSpec(null, "management", null, null)),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static String hostName(int index) {
    return String.format(Locale.ROOT, "h%02d", index);
  }
}

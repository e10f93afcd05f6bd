package io.xemigrate.planner.schedule;

import com.google.common.collect.ImmutableList;
import io.xemigrate.planner.predict.CalibrationObservations;
import io.xemigrate.planner.predict.DirtyProfile;
import io.xemigrate.planner.predict.MoveDemand;
import io.xemigrate.storage.estimate.DiskCopy;
import io.xemigrate.storage.estimate.DiskCopyEstimator;
import io.xemigrate.storage.estimate.SrThroughput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generated batches for tests and the figures in the README. Seeded, so every run sees the same
 * batches. Links: 10 GbE transfer NICs, one migration stream carries at most 500 MB/s (4 Gbit/s, a
 * kTLS-class sender); local SRs sustain 400 MB/s each way.
 */
final class BatchScenarios {
  static final double TEN_GBE = 1.25e9;
  static final double STREAM_CAP = 250e6;
  static final long GIB = 1L << 30;

  /** A generated batch: moves in inventory order and the links they use. */
  record Scenario(String name, List<MoveDemand> moves, Topology topology) {}

  private BatchScenarios() {}

  /** One host evacuated to four others in its pool, 24 VMs with mixed dirty rates. */
  static Scenario hostEvacuationMixed(long seed) {
    Random random = new Random(seed);
    Map<String, HostLink> hosts = new HashMap<>();
    addHosts(hosts, "src", 1, "pool-a");
    addHosts(hosts, "dst", 4, "pool-a");
    List<MoveDemand> moves = new ArrayList<>();
    for (int v = 0; v < 24; v++) {
      moves.add(vm(random, "vm-" + pad(v), "src-00", "dst-" + pad(v % 4), false, false));
    }
    return new Scenario("one host, 24 VMs, mixed dirty rates", moves, topology(hosts));
  }

  /** Eight hosts of pool A evacuated to eight hosts of pool B, 20 VMs each, local disks copied. */
  static Scenario eightHostsAcrossPools(long seed) {
    return acrossPools("8 hosts, 160 VMs, cross-pool with disks", seed, 8, 160);
  }

  /** A 64-host pool drained into 64 new hosts of another pool, 2000 VMs, local disks copied. */
  static Scenario sixtyFourHosts(long seed) {
    return acrossPools("64 hosts, 2000 VMs, cross-pool with disks", seed, 64, 2000);
  }

  static Scenario acrossPools(String name, long seed, int hostCount, int vmCount) {
    Random random = new Random(seed);
    Map<String, HostLink> hosts = new HashMap<>();
    addHosts(hosts, "src", hostCount, "pool-a");
    addHosts(hosts, "dst", hostCount, "pool-b");
    List<MoveDemand> moves = new ArrayList<>();
    for (int v = 0; v < vmCount; v++) {
      int source = random.nextInt(hostCount);
      int destination = (source + random.nextInt(hostCount)) % hostCount;
      moves.add(
          vm(random, "vm-" + pad(v), "src-" + pad(source), "dst-" + pad(destination), true, true));
    }
    return new Scenario(name, moves, topology(hosts));
  }

  static Topology topology(Map<String, HostLink> hosts) {
    return new Topology(
        hosts,
        STREAM_CAP,
        new DiskCopyEstimator(
            DiskCopyEstimator.DEFAULT_SETUP_SECONDS_PER_DISK,
            Map.of(),
            new SrThroughput(400e6, 400e6)),
        CalibrationObservations.none());
  }

  /**
   * A VM with a mix of workloads: 35 % idle (0.5-2 MB/s, WWS 64 MiB), 30 % general (5-20 MB/s, WWS
   * 5 % of memory up to 512 MiB), 20 % database (40-100 MB/s, WWS 10 % up to 2 GiB), 15 % hot
   * (100-220 MB/s, WWS 1-2 GiB: close to a stream's rate).
   */
  static MoveDemand vm(
      Random random,
      String uuid,
      String source,
      String destination,
      boolean withDisks,
      boolean crossPool) {
    long[] sizes = {2 * GIB, 4 * GIB, 8 * GIB, 16 * GIB, 32 * GIB};
    long configured = sizes[random.nextInt(sizes.length)];
    long memory = (long) (configured * (0.5 + 0.5 * random.nextDouble()));
    double kind = random.nextDouble();
    DirtyProfile dirty;
    if (kind < 0.35) {
      dirty = new DirtyProfile(0.5e6 + 1.5e6 * random.nextDouble(), 64L << 20);
    } else if (kind < 0.65) {
      dirty = new DirtyProfile(5e6 + 15e6 * random.nextDouble(), Math.min(memory / 20, 512L << 20));
    } else if (kind < 0.85) {
      dirty = new DirtyProfile(40e6 + 60e6 * random.nextDouble(), Math.min(memory / 10, 2 * GIB));
    } else {
      dirty =
          new DirtyProfile(
              100e6 + 120e6 * random.nextDouble(), (long) ((1 + random.nextDouble()) * GIB));
    }
    ImmutableList<DiskCopy> disks = ImmutableList.of();
    if (withDisks) {
      long diskBytes = (long) ((5 + 45 * random.nextDouble()) * GIB);
      disks =
          ImmutableList.of(
              new DiskCopy(uuid + "-disk", diskBytes, "sr-" + source, "sr-" + destination));
    }
    return new MoveDemand(
        uuid, source, destination, memory, dirty, disks, random.nextInt(3), crossPool);
  }

  private static void addHosts(Map<String, HostLink> hosts, String prefix, int count, String pool) {
    for (int h = 0; h < count; h++) {
      String uuid = prefix + "-" + pad(h);
      hosts.put(uuid, new HostLink(uuid, pool, TEN_GBE));
    }
  }

  private static String pad(int n) {
    return String.format(java.util.Locale.ROOT, "%02d", n);
  }
}

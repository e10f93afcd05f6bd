package io.xemigrate.plugin.bench;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.scenario.Scenario;
import io.xemigrate.simulator.scenario.Scenario.CpuSpec;
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
import io.xemigrate.simulator.scenario.WorkloadSpec;
import io.xemigrate.simulator.scenario.WorkloadSpec.KindSpec;
import io.xemigrate.simulator.scenario.WorkloadSpec.Spread;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The balance scenario: one pool of eight hosts (32 CPUs, 256 GiB, 10 GbE, one shared NFS SR), two
 * of them hot (above 90 % CPU), three moderate, three nearly idle (the master among them). Guests
 * of five kinds whose CPU use is hidden in the simulator and drifts over a day: databases (64-96
 * GiB, 8-12 vCPUs, about 75 % each), batch jobs (32 GiB), application servers (16 GiB), web servers
 * (4 GiB, 2 vCPUs, about 65 %) and idle guests. Anti-affinity groups by tag: the four front web
 * servers (one on each of h00 to h03) and the databases with their idle standby (on the idle h05).
 * Seeded: the same seed gives the same pool and loads.
 */
public final class BalanceScenario {
  static final String POOL = "balance-pool";
  private static final long GIB_MIB = 1024;
  private static final long DAY_SECONDS = 86_400;

  private BalanceScenario() {}

  public static Scenario scenario(long seed) {
    List<VmSpec> vms = new ArrayList<>();
    hot(vms, "h00", 1, 64, 8);
    hot(vms, "h01", 2, 96, 12);
    for (int h = 2; h <= 4; h++) {
      String host = host(h);
      vms.add(vm("app-" + host + "-a", host, 16, 4, "app"));
      vms.add(vm("app-" + host + "-b", host, 16, 4, "app"));
      vms.add(vm("batch-" + host, host, 32, 8, "batch"));
    }
    vms.add(vm("web-03", "h02", 4, 2, "web", "xe-migrate:anti-affinity=web-front"));
    vms.add(vm("web-04", "h03", 4, 2, "web", "xe-migrate:anti-affinity=web-front"));
    vms.add(vm("db-standby", "h05", 64, 8, "idle", "xe-migrate:anti-affinity=db"));
    vms.add(vm("idle-h06-a", "h06", 8, 2, "idle"));
    vms.add(vm("idle-h06-b", "h06", 8, 2, "idle"));
    vms.add(vm("idle-h07", "h07", 4, 2, "idle"));
    return new Scenario(
        "balance: 2 hot hosts of 8, anti-affinity groups",
        null,
        ImmutableList.of(new UserSpec("root", "xenroot", "pool-admin")),
        ImmutableList.of(pool(vms)),
        workloads(seed));
  }

  /** A hot host: a database, a batch job, four application servers, five web servers. */
  private static void hot(List<VmSpec> vms, String host, int index, long dbGib, long dbVcpus) {
    vms.add(vm("db-0" + index, host, dbGib, dbVcpus, "db", "xe-migrate:anti-affinity=db"));
    vms.add(vm("batch-" + host, host, 32, 8, "batch"));
    for (int a = 0; a < 4; a++) {
      vms.add(vm(String.format(Locale.ROOT, "app-%s-%d", host, a), host, 16, 4, "app"));
    }
    vms.add(vm("web-0" + index, host, 4, 2, "web", "xe-migrate:anti-affinity=web-front"));
    for (int w = 0; w < 4; w++) {
      vms.add(vm(String.format(Locale.ROOT, "web-%s-%d", host, w), host, 4, 2, "web"));
    }
  }

  /** The kinds: CPU per vCPU, memory used; a drift of 15 % over a day, short rare bursts. */
  private static WorkloadSpec workloads(long seed) {
    return new WorkloadSpec(
        seed,
        ImmutableMap.of(
            "db", kind(75, 20, 40),
            "batch", kind(55, 10, 30),
            "app", kind(50, 5, 20),
            "web", kind(65, 2, 10),
            "idle", kind(3, 0.5, 1)),
        null);
  }

  private static KindSpec kind(double cpuPercent, double dirtyMBps, double writeMBps) {
    return new KindSpec(
        new Spread(dirtyMBps, 0.2),
        new Spread(5.0, 0.2),
        new Spread(writeMBps / 10, 0.3),
        new Spread(writeMBps / 5, 0.3),
        new Spread(cpuPercent, 0.05),
        new Spread(1.0, 0.3),
        new Spread(60.0, 0.1),
        1.2,
        900L,
        30L,
        15.0,
        DAY_SECONDS);
  }

  private static VmSpec vm(
      String name, String host, long memoryGib, long vcpus, String kind, String... tags) {
    return new VmSpec(
        name,
        null,
        "Running",
        host,
        null,
        memoryGib * GIB_MIB,
        null,
        vcpus,
        null,
        null,
        null,
        true,
        List.of(new DiskSpec(null, null, "shared-nfs", 20L, 50, null, null, null)),
        List.of(new VifSpec(null, "management", null, null)),
        null,
        null,
        null,
        null,
        null,
        List.of(tags),
        null,
        null,
        null,
        null,
        null,
        null,
        kind,
        null);
  }

  private static PoolSpec pool(List<VmSpec> vms) {
    List<HostSpec> hosts = new ArrayList<>();
    List<PifSpec> pifs = new ArrayList<>();
    for (int h = 0; h < 8; h++) {
      hosts.add(
          new HostSpec(
              host(h),
              null,
              h == 7,
              true,
              new CpuSpec("GenuineIntel", null, null, 32, 2, null),
              256 * GIB_MIB,
              null,
              null,
              null,
              ImmutableList.of(new NicSpec("eth0", null, 10_000L)),
              null,
              null));
      pifs.add(
          new PifSpec(
              host(h), "eth0", String.format(Locale.ROOT, "10.8.0.%d", 10 + h), null, null, true));
    }
    SrSpec nfs =
        new SrSpec("shared-nfs", null, "nfs", true, null, 16_384L, 12_000L, 1000L, null, Map.of());
    return new PoolSpec(
        POOL,
        null,
        "shared-nfs",
        hosts,
        List.of(nfs),
        List.of(new NetworkSpec("management", null, "xenbr0", null, 1500L, pifs, Map.of())),
        vms);
  }

  static String host(int index) {
    return String.format(Locale.ROOT, "h%02d", index);
  }
}

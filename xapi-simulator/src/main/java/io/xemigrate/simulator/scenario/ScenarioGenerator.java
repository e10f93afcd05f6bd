package io.xemigrate.simulator.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.scenario.Scenario.CpuSpec;
import io.xemigrate.simulator.scenario.Scenario.DiskSpec;
import io.xemigrate.simulator.scenario.Scenario.HostSpec;
import io.xemigrate.simulator.scenario.Scenario.NetworkSpec;
import io.xemigrate.simulator.scenario.Scenario.NicSpec;
import io.xemigrate.simulator.scenario.Scenario.PifSpec;
import io.xemigrate.simulator.scenario.Scenario.PoolSpec;
import io.xemigrate.simulator.scenario.Scenario.SrSpec;
import io.xemigrate.simulator.scenario.Scenario.UserSpec;
import io.xemigrate.simulator.scenario.Scenario.VmSpec;
import io.xemigrate.simulator.workload.WorkloadKinds;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Makes large fleets: {@code hosts} hosts split into pools of up to 16, {@code vms} VMs spread by
 * memory, with a mix of sizes and workload kinds drawn from a random source seeded with {@code
 * seed}; the kinds' distributions are written out and no VM carries a hint in other_config. The
 * same parameters always give the same scenario (and the same YAML text).
 */
public final class ScenarioGenerator {
  /** Pools of this many hosts unless asked otherwise; xapi's own limit is 64. */
  public static final int DEFAULT_HOSTS_PER_POOL = 16;

  private static final long[] MEMORY_MIB = {1024, 2048, 4096, 4096, 8192, 8192, 16384, 32768};

  /** The mix of workload kinds: idle and web guests are the many, databases and batch the few. */
  private static final String[] KINDS = {
    "idle", "idle", "idle", "web", "web", "web", "database", "database", "batch", "batch"
  };

  private ScenarioGenerator() {}

  public static Scenario generate(int hosts, int vms, long seed) {
    return generate(hosts, vms, seed, DEFAULT_HOSTS_PER_POOL);
  }

  /** As {@link #generate(int, int, long)}, with pools of up to {@code hostsPerPool} hosts. */
  public static Scenario generate(int hosts, int vms, long seed, int hostsPerPool) {
    if (hosts < 1 || vms < 0 || hostsPerPool < 1) {
      throw new IllegalArgumentException("need at least one host and no negative VM count");
    }
    SplittableRandom random = new SplittableRandom(seed);
    int poolCount = (hosts + hostsPerPool - 1) / hostsPerPool;
    List<PoolSpec> pools = new ArrayList<>();
    int vmIndex = 0;
    for (int p = 0; p < poolCount; p++) {
      int poolHosts = Math.min(hostsPerPool, hosts - p * hostsPerPool);
      int poolVms = vms / poolCount + (p < vms % poolCount ? 1 : 0);
      pools.add(pool(p, poolHosts, poolVms, vmIndex, random));
      vmIndex += poolVms;
    }
    return new Scenario(
        String.format(Locale.ROOT, "generated-%d-hosts-%d-vms-seed-%d", hosts, vms, seed),
        null,
        ImmutableList.of(
            new UserSpec("root", "xenroot", "pool-admin"),
            new UserSpec("auditor", "auditor-pass", "read-only")),
        pools,
        new WorkloadSpec(seed, WorkloadKinds.builtIn(), null));
  }

  /**
   * The same scenario where every running VM carries an operator's hints in other_config ({@link
   * MigrationHints}): the median dirty rate and working set of its workload kind. The truth differs
   * from a hint by the kind's spread (a log-normal factor: with spread 0.5, the true base rate is
   * within a factor 1.65 of the hint for two VMs in three), plus bursts and drift over time.
   */
  public static Scenario withOperatorHints(Scenario scenario) {
    WorkloadKinds kinds = WorkloadKinds.of(scenario.workloads());
    List<PoolSpec> pools = new ArrayList<>();
    for (PoolSpec pool : scenario.pools()) {
      List<VmSpec> vms = new ArrayList<>();
      for (VmSpec vm : pool.vms()) {
        if (!"Running".equals(vm.powerState()) || vm.workload() == null) {
          vms.add(vm);
          continue;
        }
        WorkloadSpec.KindSpec kind = kinds.get(vm.workload());
        long memory = vm.memoryMiB() == null ? 1024 : vm.memoryMiB();
        vms.add(
            vm.withOtherConfig(
                MigrationHints.of(
                    kind.dirtyRateMBps().median(),
                    Math.round(memory * kind.workingSetPercent().median() / 100))));
      }
      pools.add(
          new PoolSpec(
              pool.name(),
              pool.uuid(),
              pool.defaultSr(),
              pool.hosts(),
              pool.srs(),
              pool.networks(),
              vms));
    }
    return new Scenario(
        scenario.name() + "-hinted",
        scenario.epoch(),
        scenario.users(),
        pools,
        scenario.workloads());
  }

  /** The scenario as YAML text, nulls left out. */
  public static String toYaml(Scenario scenario) {
    try {
      return ScenarioLoader.MAPPER
          .copy()
          .setSerializationInclusion(JsonInclude.Include.NON_NULL)
          .writeValueAsString(scenario);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static PoolSpec pool(
      int index, int hostCount, int vmCount, int firstVm, SplittableRandom random) {
    String name = "pool-" + index;
    List<HostSpec> hosts = new ArrayList<>();
    List<PifSpec> pifs = new ArrayList<>();
    for (int h = 0; h < hostCount; h++) {
      String host = String.format(Locale.ROOT, "p%d-h%02d", index, h);
      hosts.add(
          new HostSpec(
              host,
              null,
              h == 0,
              null,
              new CpuSpec(null, null, null, 64, 2, null),
              1_048_576L,
              null,
              null,
              null,
              ImmutableList.of(new NicSpec("eth0", null, 25_000L)),
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
    }
    List<VmSpec> vms = new ArrayList<>();
    for (int v = 0; v < vmCount; v++) {
      long memory = MEMORY_MIB[random.nextInt(MEMORY_MIB.length)];
      String host = hosts.get(v % hostCount).name();
      String kind = KINDS[random.nextInt(KINDS.length)];
      long disk = 20 + random.nextInt(200);
      int fill = 10 + random.nextInt(85);
      boolean running = random.nextInt(10) < 8;
      vms.add(
          VmSpec.plainGuest(
              String.format(Locale.ROOT, "vm-%05d", firstVm + v),
              running ? "Running" : "Halted",
              running ? host : null,
              memory,
              1 + random.nextInt(8),
              new Scenario.GuestLoad(null, null, kind),
              random.nextInt(50) != 0,
              new DiskSpec(null, null, "shared-nfs", disk, fill, null, null, null)));
    }
    return new PoolSpec(
        name,
        null,
        "shared-nfs",
        hosts,
        ImmutableList.of(
            new SrSpec(
                "shared-nfs", null, "nfs", true, null, 1_048_576L, 700_000L, 1000L, null, null)),
        ImmutableList.of(
            new NetworkSpec("management", null, "xenbr0", null, 1500L, pifs, ImmutableMap.of())),
        vms);
  }

  /** Prints a generated scenario: {@code hosts=N vms=N seed=N [hints=true]}. */
  public static void main(String[] args) {
    int hosts = 64;
    int vms = 5000;
    long seed = 1;
    boolean hints = false;
    for (String arg : args) {
      String[] kv = arg.split("=", 2);
      switch (kv[0]) {
        case "hosts" -> hosts = Integer.parseInt(kv[1]);
        case "vms" -> vms = Integer.parseInt(kv[1]);
        case "seed" -> seed = Long.parseLong(kv[1]);
        case "hints" -> hints = Boolean.parseBoolean(kv[1]);
        default -> throw new IllegalArgumentException("unknown parameter " + kv[0]);
      }
    }
    Scenario scenario = generate(hosts, vms, seed);
    System.out.print(toYaml(hints ? withOperatorHints(scenario) : scenario));
  }
}

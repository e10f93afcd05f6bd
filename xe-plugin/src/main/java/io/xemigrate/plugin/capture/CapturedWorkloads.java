package io.xemigrate.plugin.capture;

import com.google.common.collect.ImmutableMap;
import io.xemigrate.plugin.capture.RrdLoads.VmLoad;
import io.xemigrate.simulator.scenario.WorkloadSpec;
import io.xemigrate.simulator.scenario.WorkloadSpec.KindSpec;
import io.xemigrate.simulator.scenario.WorkloadSpec.Spread;
import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.Pif;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.Vm;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The hidden workloads of a captured pool, drawn from what its RRDs showed: one workload kind per
 * running VM whose observed figures (disk writes and reads, CPU, network, memory in use) are its
 * own means, taken as fixed values (spread 0), and each host's NIC background as the traffic its
 * NICs carried beyond its guests'. xapi shows no dirty rate and no working set, so those two are a
 * stated prior with a wide spread (xe-plugin README, "sim-capture"):
 *
 * <ul>
 *   <li>dirty rate, MB/s = max(1, 8 × disk writes in MB/s + 10 × busy vCPUs), spread 0.5;
 *   <li>writable working set = 15 % of the memory in use (6 % of the memory when the guest does not
 *       report it), at least 1 %, spread 0.5.
 * </ul>
 *
 * <p>Bursts and drift take a fixed shape (×2 for 20 s in every 300 s; ±20 % over 600 s) and the
 * base figures are divided by the mean burst intensity, so a plan that reads the capture's RRD over
 * any window of whole 10 minutes sees the means the pool showed.
 */
public final class CapturedWorkloads {
  /** Kind names: this prefix and the VM's UUID. */
  public static final String KIND_PREFIX = "captured-";

  static final double BURST_FACTOR = 2.0;
  static final long BURST_EVERY_SECONDS = 300;
  static final long BURST_SECONDS = 20;
  static final double DRIFT_PERCENT = 20;
  static final long DRIFT_PERIOD_SECONDS = 600;

  /** Dirty-rate prior: MB/s dirtied per MB/s written to disk. */
  static final double DIRTY_PER_DISK_WRITE = 8;

  /** Dirty-rate prior: MB/s dirtied per fully busy vCPU. */
  static final double DIRTY_PER_BUSY_VCPU = 10;

  /** Working-set prior: share of the memory in use. */
  static final double WORKING_SET_OF_USED = 0.15;

  static final double PRIOR_SPREAD = 0.5;
  private static final double MEMORY_USED_UNKNOWN = 40;
  private static final double MAX_BACKGROUND_PERCENT = 60;

  private CapturedWorkloads() {}

  /** The kind name of a captured VM. */
  public static String kindOf(Vm vm) {
    return KIND_PREFIX + vm.uuid();
  }

  /**
   * The scenario's {@code workloads}: a kind per running VM the RRD showed, a background share per
   * host name ({@code hostNames} by host UUID).
   */
  public static WorkloadSpec of(
      PoolInventory pool, RrdLoads loads, Map<String, String> hostNames, long seed) {
    Map<String, KindSpec> kinds = new LinkedHashMap<>();
    for (Vm vm : pool.guests()) {
      loads.vm(vm.uuid()).ifPresent(load -> kinds.put(kindOf(vm), kind(vm, load)));
    }
    Map<String, Double> background = new LinkedHashMap<>();
    for (Host host : pool.hosts().values()) {
      backgroundPercent(pool, loads, host)
          .ifPresent(share -> background.put(hostNames.get(host.uuid()), share));
    }
    return new WorkloadSpec(
        seed, ImmutableMap.copyOf(kinds), null, ImmutableMap.copyOf(background));
  }

  /** Whether the VM has a captured kind (it ran and its host's RRD answered). */
  public static boolean captured(RrdLoads loads, Vm vm) {
    return loads.vm(vm.uuid()).isPresent();
  }

  static KindSpec kind(Vm vm, VmLoad load) {
    double burstMean = 1 + (BURST_FACTOR - 1) * BURST_SECONDS / (double) BURST_EVERY_SECONDS;
    double writeMBps = load.diskWriteBytesPerSecond() / burstMean / 1e6;
    double cpuFraction = Math.min(1, load.cpuFraction() / (0.5 + 0.5 * burstMean));
    OptionalDouble used = load.memoryUsedFraction();
    double usedPercent = used.isPresent() ? used.getAsDouble() * 100 : MEMORY_USED_UNKNOWN;
    double dirty =
        Math.max(
            1,
            DIRTY_PER_DISK_WRITE * writeMBps
                + DIRTY_PER_BUSY_VCPU * cpuFraction * Math.max(1, vm.vcpusMax()));
    double workingSet = Math.max(1, WORKING_SET_OF_USED * usedPercent);
    return new KindSpec(
        new Spread(round(dirty), PRIOR_SPREAD),
        new Spread(round(workingSet), PRIOR_SPREAD),
        fixed(writeMBps),
        fixed(load.diskReadBytesPerSecond() / 1e6),
        fixed(cpuFraction * 100),
        fixed(load.networkBytesPerSecond() / 1e6),
        used.isPresent() ? fixed(Math.min(98, Math.max(1, usedPercent))) : null,
        BURST_FACTOR,
        BURST_EVERY_SECONDS,
        BURST_SECONDS,
        DRIFT_PERCENT,
        DRIFT_PERIOD_SECONDS);
  }

  /**
   * The share of a host's NIC speed its physical NICs carried beyond its guests' traffic, percent
   * (the mean over its NICs with a known speed), if the RRD showed any of them.
   */
  static Optional<Double> backgroundPercent(PoolInventory pool, RrdLoads loads, Host host) {
    List<Pif> physical =
        pool.pifsByHost().get(host.uuid()).stream().filter(pif -> pif.vlan() < 0).toList();
    double guests =
        pool.residentOn(host.uuid()).stream()
            .mapToDouble(vm -> loads.vm(vm.uuid()).map(VmLoad::networkBytesPerSecond).orElse(0.0))
            .sum();
    double sum = 0;
    int count = 0;
    for (Pif pif : physical) {
      OptionalDouble seen = loads.nic(host.uuid(), pif.device());
      if (seen.isEmpty() || pif.speedMbps() <= 0) {
        continue;
      }
      double nominal = pif.speedMbps() * 1e6 / 8;
      double other = seen.getAsDouble() - guests / physical.size();
      sum += Math.max(0, other) / nominal * 100;
      count++;
    }
    if (count == 0) {
      return Optional.empty();
    }
    return Optional.of(round(Math.min(MAX_BACKGROUND_PERCENT, sum / count)));
  }

  private static Spread fixed(double value) {
    return new Spread(round(value), 0.0);
  }

  /** Six significant digits: the file stays readable and loses nothing a plan can see. */
  private static double round(double value) {
    if (value == 0 || Double.isNaN(value) || Double.isInfinite(value)) {
      return 0;
    }
    return new java.math.BigDecimal(value).round(new java.math.MathContext(6)).doubleValue();
  }
}

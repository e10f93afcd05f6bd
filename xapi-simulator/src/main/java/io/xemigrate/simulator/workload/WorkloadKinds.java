package io.xemigrate.simulator.workload;

import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.scenario.WorkloadSpec;
import io.xemigrate.simulator.scenario.WorkloadSpec.KindSpec;
import io.xemigrate.simulator.scenario.WorkloadSpec.Spread;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The workload kinds a scenario can name: the built-in ones, overridden or extended by the
 * scenario's {@code workloads.kinds}. A VM that names no kind but gives {@code dirtyRateMBps} or
 * {@code writableWorkingSetMiB} gets the {@link #GENERAL} shape around its own figures.
 */
public final class WorkloadKinds {
  /** The shape (spread, bursts, drift) of a VM that gives its own median figures. */
  public static final String GENERAL = "general";

  /** What a VM without figures and without a kind runs. */
  public static final String DEFAULT = "web";

  private static final ImmutableMap<String, KindSpec> BUILT_IN =
      ImmutableMap.of(
          GENERAL,
          kind(20, 0.3, 10, 0.2, 2, 0.6, 1, 0.6, 20, 0.4, 1, 0.8, 40, 0.3, 2.0, 300, 20, 20, 1800),
          "idle",
          kind(
              1, 0.6, 2, 0.5, 0.1, 0.8, 0.1, 0.8, 2, 0.5, 0.05, 0.8, 25, 0.3, 2.0, 600, 30, 20,
              3600),
          "web",
          kind(25, 0.5, 8, 0.4, 2, 0.6, 4, 0.6, 20, 0.4, 5, 0.6, 50, 0.2, 3.0, 300, 20, 30, 1800),
          "database",
          kind(
              120, 0.4, 15, 0.3, 20, 0.5, 30, 0.5, 45, 0.3, 10, 0.5, 80, 0.1, 2.5, 240, 30, 25,
              3600),
          "batch",
          kind(
              300, 0.3, 35, 0.3, 40, 0.4, 20, 0.5, 80, 0.2, 2, 0.6, 70, 0.2, 1.5, 900, 120, 15,
              7200));

  private final ImmutableMap<String, KindSpec> kinds;

  private WorkloadKinds(ImmutableMap<String, KindSpec> kinds) {
    this.kinds = kinds;
  }

  /** The built-in kinds plus those of {@code spec} (which replace built-ins of the same name). */
  public static WorkloadKinds of(WorkloadSpec spec) {
    Map<String, KindSpec> all = new LinkedHashMap<>(BUILT_IN);
    if (spec != null && spec.kinds() != null) {
      all.putAll(spec.kinds());
    }
    return new WorkloadKinds(ImmutableMap.copyOf(all));
  }

  /** The built-in kinds, as a scenario generator writes them out. */
  public static ImmutableMap<String, KindSpec> builtIn() {
    return BUILT_IN;
  }

  public boolean has(String name) {
    return kinds.containsKey(name);
  }

  /** The kind {@code name}; a field the scenario left out takes the built-in general value. */
  public KindSpec get(String name) {
    KindSpec kind = kinds.get(name);
    if (kind == null) {
      throw new IllegalArgumentException("no workload kind " + name);
    }
    KindSpec general = BUILT_IN.get(GENERAL);
    return new KindSpec(
        or(kind.dirtyRateMBps(), general.dirtyRateMBps()),
        or(kind.workingSetPercent(), general.workingSetPercent()),
        or(kind.diskWriteMBps(), general.diskWriteMBps()),
        or(kind.diskReadMBps(), general.diskReadMBps()),
        or(kind.cpuPercent(), general.cpuPercent()),
        or(kind.networkMBps(), general.networkMBps()),
        or(kind.memoryUsedPercent(), general.memoryUsedPercent()),
        or(kind.burstFactor(), general.burstFactor()),
        or(kind.burstEverySeconds(), general.burstEverySeconds()),
        or(kind.burstSeconds(), general.burstSeconds()),
        or(kind.driftPercent(), general.driftPercent()),
        or(kind.driftPeriodSeconds(), general.driftPeriodSeconds()));
  }

  private static <T> T or(T value, T fallback) {
    return value == null ? fallback : value;
  }

  @SuppressWarnings("ParameterNumber")
  private static KindSpec kind(
      double dirty,
      double dirtySpread,
      double wws,
      double wwsSpread,
      double write,
      double writeSpread,
      double read,
      double readSpread,
      double cpu,
      double cpuSpread,
      double net,
      double netSpread,
      double used,
      double usedSpread,
      double burstFactor,
      long burstEvery,
      long burstLength,
      double drift,
      long driftPeriod) {
    return new KindSpec(
        new Spread(dirty, dirtySpread),
        new Spread(wws, wwsSpread),
        new Spread(write, writeSpread),
        new Spread(read, readSpread),
        new Spread(cpu, cpuSpread),
        new Spread(net, netSpread),
        new Spread(used, usedSpread),
        burstFactor,
        burstEvery,
        burstLength,
        drift,
        driftPeriod);
  }
}

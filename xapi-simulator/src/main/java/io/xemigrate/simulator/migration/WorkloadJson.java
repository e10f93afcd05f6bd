package io.xemigrate.simulator.migration;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.workload.HiddenWorld;
import io.xemigrate.simulator.workload.VmWorkload;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The JSON shapes of the hidden workloads on the control endpoint (for the bench, never for the
 * planner): rates in bytes per second, times in virtual seconds.
 */
final class WorkloadJson {
  private static final long NANOS = 1_000_000_000L;
  private static final int MAX_POINTS = 10_000;

  private WorkloadJson() {}

  static Map<String, Object> of(HiddenWorld world) {
    ImmutableList.Builder<Map<String, Object>> vms = ImmutableList.builder();
    world.vms().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            entry -> {
              VmWorkload w = entry.getValue();
              vms.add(
                  ImmutableMap.<String, Object>builder()
                      .put("vm", entry.getKey())
                      .put("kind", w.kind())
                      .put("baseDirtyBytesPerSecond", w.dirtyBytesPerSecond())
                      .put("workingSetBytes", w.workingSetBytes())
                      .put("diskWriteBytesPerSecond", w.diskWriteBytesPerSecond())
                      .put("diskReadBytesPerSecond", w.diskReadBytesPerSecond())
                      .put("burstFactor", w.burstFactor())
                      .put("burstEverySeconds", w.burstEveryNanos() / (double) NANOS)
                      .put("burstSeconds", w.burstNanos() / (double) NANOS)
                      .put("driftAmplitude", w.driftAmplitude())
                      .buildOrThrow());
            });
    return ImmutableMap.of("seed", world.seed(), "vms", vms.build());
  }

  /**
   * A VM's true mean dirty rate per step, changes made on the control endpoint included, from
   * {@code from} to {@code to} (virtual seconds; default the last 10 minutes up to now, step 5 s).
   */
  static Map<String, Object> dirtySeries(
      Function<String, Optional<ScaledWorkload>> workloads,
      Map<String, List<String>> query,
      long nowNanos) {
    String vm = first(query, "vm", "");
    ScaledWorkload workload =
        workloads
            .apply(vm)
            .orElseThrow(() -> new IllegalArgumentException("no workload for that VM"));
    long to = Long.parseLong(first(query, "to", Long.toString(nowNanos / NANOS)));
    long from = Long.parseLong(first(query, "from", Long.toString(to - 600)));
    long step = Long.parseLong(first(query, "step", "5"));
    if (step <= 0 || to < from || (to - from) / step > MAX_POINTS) {
      throw new IllegalArgumentException("bad window");
    }
    ImmutableList.Builder<Map<String, Object>> points = ImmutableList.builder();
    for (long t = from; t + step <= to; t += step) {
      points.add(
          ImmutableMap.of(
              "t", t, "bytesPerSecond", workload.meanDirtyRate(t * NANOS, (t + step) * NANOS)));
    }
    return ImmutableMap.of("vm", vm, "step", step, "points", points.build());
  }

  private static String first(Map<String, List<String>> query, String key, String fallback) {
    List<String> values = query.get(key);
    return values == null || values.isEmpty() ? fallback : values.get(0);
  }
}

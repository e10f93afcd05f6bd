package io.xemigrate.planner.predict;

import io.xemigrate.xapi.model.Vm;
import java.util.Optional;

/**
 * Picks each VM's dirty rate and writable working set, in this order:
 *
 * <ol>
 *   <li>the VM's other_config: {@value #RATE_KEY} (megabytes per second, 10^6 bytes) and {@value
 *       #WWS_KEY} (MiB); either alone is used with the kind's default for the other;
 *   <li>calibration: the VM's behaviour observed in earlier moves;
 *   <li>the defaults of its {@link WorkloadKind}, named by other_config {@value #KIND_KEY} or a tag
 *       {@code xe-migrate:workload=<kind>}, {@link WorkloadKind#GENERAL} otherwise.
 * </ol>
 *
 * <p>Unreadable values (not a number, negative) are ignored, so a typo falls back to the next
 * source rather than failing the plan; the {@link DirtyEstimate#source()} shows what was used.
 */
public final class DirtyRateEstimator {
  /**
   * other_config key: the VM's dirty rate in megabytes (10^6 bytes) per second, the unit of every
   * rate of memory or disk data in xe-migrate (only NIC speeds are in Mbit/s, as xapi reports
   * them).
   */
  public static final String RATE_KEY = "xe-migrate:dirty-rate-mbyte";

  /** other_config key: the VM's writable working set in MiB. */
  public static final String WWS_KEY = "xe-migrate:wws-mib";

  /** other_config key (or tag prefix with {@code =}): the VM's workload kind. */
  public static final String KIND_KEY = "xe-migrate:workload";

  private final CalibrationObservations calibration;

  /** An estimator that consults these observations. */
  public DirtyRateEstimator(CalibrationObservations calibration) {
    this.calibration = calibration;
  }

  /** The estimate for {@code vm} with {@code memoryBytes} populated. */
  public DirtyEstimate estimate(Vm vm, long memoryBytes) {
    WorkloadKind kind = kindOf(vm);
    Optional<Double> rate = number(vm, RATE_KEY).map(mbyte -> mbyte * 1e6);
    Optional<Long> wws = number(vm, WWS_KEY).map(mib -> (long) (mib * (1L << 20)));
    if (rate.isPresent() || wws.isPresent()) {
      DirtyProfile profile =
          new DirtyProfile(
              rate.orElse(kind.rateBytesPerSecond()),
              wws.orElse(kind.writableWorkingSetBytes(memoryBytes)));
      return new DirtyEstimate(profile, DirtySource.OTHER_CONFIG, kind);
    }
    Optional<ObservedVmBehaviour> observed = calibration.behaviourOf(vm.uuid());
    if (observed.isPresent()) {
      DirtyProfile profile =
          new DirtyProfile(
              observed.get().dirtyRateBytesPerSecond(), observed.get().writableWorkingSetBytes());
      return new DirtyEstimate(profile, DirtySource.CALIBRATION, kind);
    }
    DirtyProfile profile =
        new DirtyProfile(kind.rateBytesPerSecond(), kind.writableWorkingSetBytes(memoryBytes));
    return new DirtyEstimate(profile, DirtySource.DEFAULT_BY_KIND, kind);
  }

  /**
   * The memory pre-copy will send: the running domain's actual allocation ({@code memory_actual},
   * what is populated, ballooned-out pages excluded), or {@code dynamic_max} when the metrics are
   * missing. Never {@code static_max}: unpopulated pages are not sent
   * (docs/migration-model.md#populated-memory).
   */
  public static long populatedMemory(Vm vm) {
    return vm.memoryActual() > 0 ? vm.memoryActual() : vm.memory().dynamicMax();
  }

  /** The VM's workload kind from other_config, then tags, else GENERAL. */
  public static WorkloadKind kindOf(Vm vm) {
    String configured = vm.otherConfig().get(KIND_KEY);
    if (configured != null) {
      Optional<WorkloadKind> kind = WorkloadKind.parse(configured);
      if (kind.isPresent()) {
        return kind.get();
      }
    }
    for (String tag : vm.tags()) {
      if (tag.startsWith(KIND_KEY + "=")) {
        Optional<WorkloadKind> kind = WorkloadKind.parse(tag.substring(KIND_KEY.length() + 1));
        if (kind.isPresent()) {
          return kind.get();
        }
      }
    }
    return WorkloadKind.GENERAL;
  }

  private static Optional<Double> number(Vm vm, String key) {
    String text = vm.otherConfig().get(key);
    if (text == null) {
      return Optional.empty();
    }
    try {
      double value = Double.parseDouble(text.trim());
      return value >= 0 && !Double.isInfinite(value) ? Optional.of(value) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}

package io.xemigrate.simulator.migration;

import io.xemigrate.simulator.physics.DirtyProfile;
import io.xemigrate.simulator.physics.Dirtying;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiRecord;
import java.util.Map;
import java.util.Optional;

/**
 * Where the physics finds its figures: the scenario's physics (through the catalog) first, then
 * {@code other_config} keys (for worlds built by hand), then defaults. Bandwidths are in decimal
 * units, as links are sold. The catalog is shared by every migration of one simulator.
 */
final class PhysicsParameters {
  private final PhysicsCatalog catalog;

  /** PIF.other_config: link speed in Mbit/s. */
  static final String PIF_BANDWIDTH = "sim_bandwidth_mbit";

  /** host.other_config: one migration stream's ceiling in Mbit/s (xenguest plus stunnel CPU). */
  static final String STREAM_CAP = "sim_stream_cap_mbit";

  /** SR.other_config: SR throughput in MB/s. */
  static final String SR_THROUGHPUT = "sim_throughput_mbyte";

  /** VM.other_config: rate of newly dirtied memory in MB/s. */
  static final String DIRTY_RATE = "sim_dirty_rate_mbyte";

  /** VM.other_config: writable working set in MiB (unbounded when absent). */
  static final String WORKING_SET = "sim_wws_mib";

  static final double DEFAULT_LINK_MBIT = 10_000;

  /**
   * About what one tunnelled, encrypted stream reaches (Nova: ≈ 2 Gbit/s,
   * docs/migration-model.md#transport).
   */
  static final double DEFAULT_STREAM_MBIT = 2_000;

  static final double DEFAULT_SR_MBYTE = 200;

  PhysicsParameters(PhysicsCatalog catalog) {
    this.catalog = catalog;
  }

  PhysicsCatalog catalog() {
    return catalog;
  }

  static String pifOut(XapiRecord pif) {
    return "pif-out:" + pif.uuid();
  }

  static String pifIn(XapiRecord pif) {
    return "pif-in:" + pif.uuid();
  }

  static String sr(XapiRecord sr) {
    return "sr:" + sr.uuid();
  }

  double pifBytesPerSecond(XapiRecord pif) {
    double mbit =
        catalog
            .pifMbit(pif.uuid())
            .orElseGet(
                () -> number(pif.stringMap("other_config"), PIF_BANDWIDTH, DEFAULT_LINK_MBIT));
    return mbit * 1e6 / 8;
  }

  static double streamCap(XapiRecord host) {
    return number(host.stringMap("other_config"), STREAM_CAP, DEFAULT_STREAM_MBIT) * 1e6 / 8;
  }

  double srBytesPerSecond(XapiRecord sr) {
    return catalog
            .srMbyte(sr.uuid())
            .orElseGet(() -> number(sr.stringMap("other_config"), SR_THROUGHPUT, DEFAULT_SR_MBYTE))
        * 1e6;
  }

  Dirtying dirty(XapiRecord vm) {
    Optional<Dirtying> scenario = catalog.dirty(vm.uuid());
    if (scenario.isPresent()) {
      return scenario.get();
    }
    Map<String, String> config = vm.stringMap("other_config");
    double rate = number(config, DIRTY_RATE, 0) * 1e6;
    double workingSet = number(config, WORKING_SET, -1);
    return workingSet < 0
        ? DirtyProfile.constant(rate)
        : new DirtyProfile(rate, (long) (workingSet * MemoryArithmetic.MIB));
  }

  /** Populated memory: what the guest actually has (VM_metrics.memory_actual), else its target. */
  static long populatedMemory(PoolView view, XapiRecord vm) {
    long actual =
        view.find(XapiClass.VM_METRICS, vm.string("metrics"))
            .map(metrics -> metrics.integer("memory_actual"))
            .orElse(0L);
    if (actual > 0) {
      return actual;
    }
    long target = vm.integer("memory_target");
    return target > 0 ? target : vm.integer("memory_dynamic_max");
  }

  private static double number(Map<String, String> config, String key, double fallback) {
    try {
      return config.containsKey(key) ? Double.parseDouble(config.get(key)) : fallback;
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}

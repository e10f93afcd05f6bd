package io.xemigrate.simulator.scenario;

import com.google.common.collect.ImmutableMap;
import java.util.Locale;

/**
 * The {@code other_config} keys an administrator sets on a VM to tell xe-migrate how it dirties
 * memory. They are plain VM configuration to xapi (and so to the simulator, which only stores
 * them); the generators write them next to the physics so that a planner reading only XenAPI
 * records sees what an administrator who measured the workload would have written.
 */
public final class MigrationHints {
  /** Dirty rate in megabytes (10^6 bytes) per second, as the scenario's {@code dirtyRateMBps}. */
  public static final String DIRTY_RATE_KEY = "xe-migrate:dirty-rate-mbyte";

  /** Writable working set in MiB. */
  public static final String WWS_KEY = "xe-migrate:wws-mib";

  private MigrationHints() {}

  /** The two keys for a VM dirtying {@code dirtyRateMBps} megabytes per second up to a WWS. */
  public static ImmutableMap<String, String> of(double dirtyRateMBps, long workingSetMiB) {
    return ImmutableMap.of(
        DIRTY_RATE_KEY,
        String.format(Locale.ROOT, "%.1f", dirtyRateMBps),
        WWS_KEY,
        Long.toString(workingSetMiB));
  }
}

package io.xemigrate.planner.schedule;

/**
 * How many moves may run at once, per resource; 0 means no limit. A move holds its slots from its
 * first step to its switch-over.
 *
 * @param perSourceHost moves leaving one host (xapi refuses a 4th {@code migrate_send})
 * @param perDestinationHost moves entering one host
 * @param perSr moves copying a disk from or to one SR
 * @param perSourcePool moves leaving one pool (Xen Orchestra's {@code vmMigrationConcurrency})
 * @param total moves in the whole batch (1 for one at a time)
 * @param fillLinkOnly whether a host's per-host limits are lowered to the streams that fill its NIC
 *     (⌈B/s⌉): more streams only share the link, stretching each move
 */
public record ConcurrencyLimits(
    int perSourceHost,
    int perDestinationHost,
    int perSr,
    int perSourcePool,
    int total,
    boolean fillLinkOnly) {

  /** Rejects negative limits. */
  public ConcurrencyLimits {
    if (perSourceHost < 0
        || perDestinationHost < 0
        || perSr < 0
        || perSourcePool < 0
        || total < 0) {
      throw new IllegalArgumentException("concurrency limits must be >= 0 (0 = no limit)");
    }
  }

  /** This limit set with the link-filling reduction on or off. */
  public ConcurrencyLimits withFillLinkOnly(boolean on) {
    return new ConcurrencyLimits(
        perSourceHost, perDestinationHost, perSr, perSourcePool, total, on);
  }

  /** Whether {@code running} moves already use up {@code limit} (0 = unlimited). */
  static boolean isFull(int running, int limit) {
    return limit > 0 && running >= limit;
  }
}

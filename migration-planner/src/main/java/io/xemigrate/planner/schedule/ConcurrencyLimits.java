package io.xemigrate.planner.schedule;

import io.xemigrate.planner.predict.MoveDemand;

/**
 * How many moves may run at once, per resource; 0 means no limit. A move holds its slots from its
 * first step to its switch-over.
 *
 * @param perSourceHost moves leaving one host
 * @param migrateSendPerSourceHost {@code migrate_send} moves (storage motion or cross-pool) leaving
 *     one host: xapi refuses a 4th with {@code TOO_MANY_STORAGE_MIGRATES}, whoever asks, so every
 *     strategy has it
 * @param perDestinationHost moves entering one host
 * @param perSr moves copying a disk from or to one SR
 * @param perSourcePool moves leaving one pool (Xen Orchestra's {@code vmMigrationConcurrency})
 * @param total moves in the whole batch (1 for one at a time)
 * @param fillLinkOnly whether a host's per-host limits are lowered to the streams that fill its NIC
 *     (⌈B/s⌉): more streams only share the link, stretching each move
 */
public record ConcurrencyLimits(
    int perSourceHost,
    int migrateSendPerSourceHost,
    int perDestinationHost,
    int perSr,
    int perSourcePool,
    int total,
    int streamsBeyondFill) {

  /** {@code streamsBeyondFill} value that keeps the limits as configured. */
  public static final int NO_FILL_LIMIT = -1;

  /** xapi's hard-coded limit of concurrent {@code migrate_send} per sending host. */
  public static final int XAPI_MIGRATE_SEND_LIMIT = 3;

  /** Rejects negative limits. */
  public ConcurrencyLimits {
    if (perSourceHost < 0
        || migrateSendPerSourceHost < 0
        || perDestinationHost < 0
        || perSr < 0
        || perSourcePool < 0
        || total < 0) {
      throw new IllegalArgumentException("concurrency limits must be >= 0 (0 = no limit)");
    }
  }

  /** Only xapi's own limit: 3 {@code migrate_send} per sending host, anything else unlimited. */
  public static ConcurrencyLimits xapiOnly() {
    return new ConcurrencyLimits(0, XAPI_MIGRATE_SEND_LIMIT, 0, 0, 0, 0, NO_FILL_LIMIT);
  }

  /** This limit set with another link-filling reduction. */
  public ConcurrencyLimits withStreamsBeyondFill(int extra) {
    return new ConcurrencyLimits(
        perSourceHost,
        migrateSendPerSourceHost,
        perDestinationHost,
        perSr,
        perSourcePool,
        total,
        extra);
  }

  /** Whether xapi runs {@code move} as a {@code migrate_send} (and so counts it against 3). */
  public static boolean isMigrateSend(MoveDemand move) {
    return move.crossPool() || !move.disks().isEmpty();
  }

  /** Whether {@code running} moves already use up {@code limit} (0 = unlimited). */
  static boolean isFull(int running, int limit) {
    return limit > 0 && running >= limit;
  }
}

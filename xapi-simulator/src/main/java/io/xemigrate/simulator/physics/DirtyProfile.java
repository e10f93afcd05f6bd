package io.xemigrate.simulator.physics;

/**
 * How fast a guest dirties memory. The number of distinct pages dirtied in a window grows at {@code
 * bytesPerSecond} and levels off at the writable working set
 * (docs/migration-model.md#dirty-rate-levels-off).
 *
 * @param bytesPerSecond rate at which new distinct bytes are dirtied
 * @param writableWorkingSetBytes the hot set; distinct dirtied bytes never exceed it
 */
public record DirtyProfile(double bytesPerSecond, long writableWorkingSetBytes)
    implements Dirtying {

  public DirtyProfile {
    if (!(bytesPerSecond >= 0) || writableWorkingSetBytes < 0) {
      throw new IllegalArgumentException("dirty rate and working set must not be negative");
    }
  }

  /** An idle guest. */
  public static DirtyProfile idle() {
    return new DirtyProfile(0, 0);
  }

  /** A constant dirty rate that never levels off before all memory is dirty. */
  public static DirtyProfile constant(double bytesPerSecond) {
    return new DirtyProfile(bytesPerSecond, Long.MAX_VALUE);
  }

  /** Distinct bytes dirtied during {@code nanos}, capped by the working set and by memory. */
  public double dirtiedDuring(long nanos, long populatedBytes) {
    double grown = bytesPerSecond * nanos / 1e9;
    return Math.min(grown, Math.min((double) writableWorkingSetBytes, (double) populatedBytes));
  }

  @Override
  public double dirtiedBetween(long fromNanos, long toNanos, long populatedBytes) {
    return dirtiedDuring(toNanos - fromNanos, populatedBytes);
  }
}

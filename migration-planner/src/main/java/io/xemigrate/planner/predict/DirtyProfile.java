package io.xemigrate.planner.predict;

/**
 * How fast a VM dirties its memory: distinct bytes dirtied in a window of t seconds are {@code
 * min(rate·t, writableWorkingSet)}, so the rate levels off at the writable working set (WWS), the
 * hot pages the workload rewrites over and over (docs/migration-model.md#dirty-rate-levels-off).
 *
 * <p>A constant-rate model (the pessimistic textbook case) is a profile whose WWS is at least the
 * memory: {@link #constant(double)}.
 *
 * @param rateBytesPerSecond distinct bytes dirtied per second while the window is short
 * @param writableWorkingSetBytes the ceiling of distinct dirty bytes in any window
 */
public record DirtyProfile(double rateBytesPerSecond, long writableWorkingSetBytes) {

  /** A VM that writes nothing: one round sends its memory and the pause sends nothing. */
  public static final DirtyProfile NONE = new DirtyProfile(0, 0);

  /** Rejects negative or non-finite figures. */
  public DirtyProfile {
    if (!(rateBytesPerSecond >= 0) || Double.isInfinite(rateBytesPerSecond)) {
      throw new IllegalArgumentException("rateBytesPerSecond must be finite and >= 0");
    }
    if (writableWorkingSetBytes < 0) {
      throw new IllegalArgumentException("writableWorkingSetBytes must be >= 0");
    }
  }

  /** A rate that never levels off before the whole memory is dirty. */
  public static DirtyProfile constant(double rateBytesPerSecond) {
    return new DirtyProfile(rateBytesPerSecond, Long.MAX_VALUE);
  }

  /**
   * Distinct bytes dirtied in {@code seconds}, never more than the WWS nor the memory: a page
   * dirtied twice is sent once.
   */
  public double dirtiedDuring(double seconds, long memoryBytes) {
    double dirtied = rateBytesPerSecond * Math.max(0, seconds);
    return Math.min(dirtied, Math.min((double) writableWorkingSetBytes, (double) memoryBytes));
  }
}

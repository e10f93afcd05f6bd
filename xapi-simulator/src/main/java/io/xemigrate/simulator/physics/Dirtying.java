package io.xemigrate.simulator.physics;

/**
 * How much distinct memory a running guest dirties between two instants of virtual time. A constant
 * profile ({@link DirtyProfile}) ignores when the window lies; a workload whose rate varies in time
 * (bursts, drift) answers for the exact window.
 */
public interface Dirtying {

  /**
   * Distinct bytes dirtied between {@code fromNanos} and {@code toNanos} (virtual time), capped by
   * the writable working set and by {@code populatedBytes}.
   */
  double dirtiedBetween(long fromNanos, long toNanos, long populatedBytes);
}

package io.xemigrate.planner.schedule;

/**
 * A makespan no schedule under the same limits can beat (docs/migration-model.md#lower-bound).
 *
 * @param networkSeconds the busiest NIC direction: its bytes over what it can carry
 * @param slotSeconds the busiest concurrency-limited resource: its moves' solo durations over its
 *     limit
 * @param chainSeconds the longest single move, alone on its links
 */
public record LowerBound(double networkSeconds, double slotSeconds, double chainSeconds) {

  /** The bound: the largest of the three. */
  public double seconds() {
    return Math.max(networkSeconds, Math.max(slotSeconds, chainSeconds));
  }

  /** {@code makespan} over the bound (1 is optimal; 0 when the bound is 0). */
  public double ratio(double makespanSeconds) {
    double bound = seconds();
    return bound > 0 ? makespanSeconds / bound : 0;
  }
}

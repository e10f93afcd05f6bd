package io.xemigrate.planner.schedule;

/**
 * One strategy's predicted figures for a batch.
 *
 * @param makespanSeconds end of the last move
 * @param lowerBoundSeconds the bound under this strategy's own limits
 * @param ratio makespan over the bound
 * @param totalDowntimeSeconds sum of every VM's pause
 * @param maxDowntimeSeconds the longest pause
 * @param nonConverged moves that hit Xen's round cap
 */
public record StrategyFigures(
    double makespanSeconds,
    double lowerBoundSeconds,
    double ratio,
    double totalDowntimeSeconds,
    double maxDowntimeSeconds,
    int nonConverged) {

  /** The figures of {@code schedule}. */
  public static StrategyFigures of(Schedule schedule) {
    return new StrategyFigures(
        schedule.makespanSeconds(),
        schedule.lowerBound().seconds(),
        schedule.ratio(),
        schedule.totalDowntimeSeconds(),
        schedule.maxDowntimeSeconds(),
        schedule.nonConverged());
  }
}

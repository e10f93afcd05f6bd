package io.xemigrate.planner.plan;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The plan-wide figures of the schedule attached to a plan: the predicted makespan, the lower bound
 * no schedule can beat, and their ratio. {@link #unscheduled()} until a scheduler ran.
 *
 * @param heuristic how the schedule was found (the scheduler's description), or empty
 * @param makespanSeconds predicted time from the first move's start to the last move's end
 * @param lowerBoundSeconds the makespan's lower bound (network, slots, longest move)
 * @param totalDowntimeSeconds the sum of the predicted pauses
 * @param makespanP10Seconds when some move has a duration interval: the latest of each move's start
 *     plus its p10 duration (its plain duration when it has no interval); the start times stay
 *     those of the p50 schedule, so this is a simple bound, not a re-planned schedule. Else null
 *     (and absent from plans written before intervals)
 * @param makespanP90Seconds the same with p90 durations, null with {@code makespanP10Seconds}
 */
public record PlanSchedule(
    String heuristic,
    double makespanSeconds,
    double lowerBoundSeconds,
    double totalDowntimeSeconds,
    @JsonInclude(JsonInclude.Include.NON_NULL) Double makespanP10Seconds,
    @JsonInclude(JsonInclude.Include.NON_NULL) Double makespanP90Seconds) {

  public PlanSchedule {
    heuristic = heuristic == null ? "" : heuristic;
    if ((makespanP10Seconds == null) != (makespanP90Seconds == null)) {
      throw new IllegalArgumentException("a makespan interval needs both p10 and p90");
    }
  }

  public static PlanSchedule unscheduled() {
    return new PlanSchedule("", 0, 0, 0, null, null);
  }

  /** Whether the makespan carries a p10-p90 interval. */
  public boolean hasInterval() {
    return makespanP10Seconds != null;
  }

  public boolean scheduled() {
    return !heuristic.isEmpty();
  }

  /** Makespan over the lower bound (1 when both are zero). */
  public double ratio() {
    return lowerBoundSeconds > 0 ? makespanSeconds / lowerBoundSeconds : 1.0;
  }
}

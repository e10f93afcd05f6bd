package io.xemigrate.planner.plan;

/**
 * The plan-wide figures of the schedule attached to a plan: the predicted makespan, the lower bound
 * no schedule can beat, and their ratio. {@link #unscheduled()} until a scheduler ran.
 *
 * @param heuristic how the schedule was found (the scheduler's description), or empty
 * @param makespanSeconds predicted time from the first move's start to the last move's end
 * @param lowerBoundSeconds the makespan's lower bound (network, slots, longest move)
 * @param totalDowntimeSeconds the sum of the predicted pauses
 */
public record PlanSchedule(
    String heuristic,
    double makespanSeconds,
    double lowerBoundSeconds,
    double totalDowntimeSeconds) {

  public PlanSchedule {
    heuristic = heuristic == null ? "" : heuristic;
  }

  public static PlanSchedule unscheduled() {
    return new PlanSchedule("", 0, 0, 0);
  }

  public boolean scheduled() {
    return !heuristic.isEmpty();
  }

  /** Makespan over the lower bound (1 when both are zero). */
  public double ratio() {
    return lowerBoundSeconds > 0 ? makespanSeconds / lowerBoundSeconds : 1.0;
  }
}

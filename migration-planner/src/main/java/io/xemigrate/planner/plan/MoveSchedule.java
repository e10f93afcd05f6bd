package io.xemigrate.planner.plan;

/**
 * The seam for the predictor and scheduler ({@code io.xemigrate.planner.predict} / {@code
 * .schedule}): when a move runs and how long it should take. Placement leaves it {@link
 * #unscheduled()}; the scheduler returns the plan with {@link MovePlan#withSchedule} applied.
 *
 * @param wave the wave the move runs in (0 first), or -1 when not scheduled
 * @param predictedDurationSeconds the predicted duration of the whole move, or 0
 * @param predictedDowntimeMillis the predicted stop-and-copy pause of the guest, or 0
 */
public record MoveSchedule(int wave, long predictedDurationSeconds, long predictedDowntimeMillis) {

  public static MoveSchedule unscheduled() {
    return new MoveSchedule(-1, 0, 0);
  }
}

package io.xemigrate.planner.plan;

import java.util.List;

/**
 * The seam for the predictor and scheduler ({@code io.xemigrate.planner.predict} / {@code
 * .schedule}): when a move runs and how long it should take. Placement leaves it {@link
 * #unscheduled()}; the scheduler returns the plan with {@link MovePlan#withSchedule} applied.
 *
 * @param wave the move's place in the schedule's queue (0 first), or -1 when not scheduled
 * @param predictedDurationSeconds the predicted duration of the whole move, or 0
 * @param predictedDowntimeMillis the predicted stop-and-copy pause of the guest, or 0
 * @param predictedStartSeconds the predicted start, seconds after the batch starts (a prediction:
 *     the coordinator starts the move when {@code after} have finished and a slot is free)
 * @param after the VM UUIDs of the moves whose end this move waits for
 */
public record MoveSchedule(
    int wave,
    long predictedDurationSeconds,
    long predictedDowntimeMillis,
    double predictedStartSeconds,
    List<String> after) {

  public MoveSchedule {
    after = after == null ? List.of() : List.copyOf(after);
  }

  /** A schedule without a predicted start or predecessors. */
  public MoveSchedule(int wave, long predictedDurationSeconds, long predictedDowntimeMillis) {
    this(wave, predictedDurationSeconds, predictedDowntimeMillis, 0, List.of());
  }

  public static MoveSchedule unscheduled() {
    return new MoveSchedule(-1, 0, 0);
  }

  public boolean scheduled() {
    return wave >= 0;
  }
}

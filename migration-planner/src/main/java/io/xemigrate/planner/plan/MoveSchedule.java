package io.xemigrate.planner.plan;

import java.util.List;

/**
 * Where the move sits in the scheduler's queue and what the predictor expects of it: the seam
 * between placement and {@code io.xemigrate.planner.schedule}. Placement leaves it {@link
 * #unscheduled()}; {@link PlanScheduling#attach} fills it from a {@code Schedule}.
 *
 * @param sequence the position in the start-order queue (0-based), or -1 when not scheduled
 * @param slot the sending host's concurrency slot (0-based), or -1
 * @param predecessors the moves (VM UUIDs) whose end this move waits for, sorted
 * @param startSeconds predicted start, seconds after the batch starts
 * @param durationSeconds predicted duration, first step to switch-over
 * @param downtimeSeconds predicted pause of the guest (stop-and-copy plus switch-over)
 * @param converged whether pre-copy is predicted to converge before the round cap
 */
public record MoveSchedule(
    int sequence,
    int slot,
    List<String> predecessors,
    double startSeconds,
    double durationSeconds,
    double downtimeSeconds,
    boolean converged) {

  public MoveSchedule {
    predecessors = List.copyOf(predecessors);
  }

  public static MoveSchedule unscheduled() {
    return new MoveSchedule(-1, -1, List.of(), 0, 0, 0, false);
  }

  /** Whether the scheduler has placed the move in its queue. */
  public boolean scheduled() {
    return sequence >= 0;
  }
}

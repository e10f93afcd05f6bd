package io.xemigrate.planner.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param durationP10Seconds the duration's 10th percentile when the VM's dirty rate is a prior
 *     (xapi shows none), else null; absent from plans written before intervals
 * @param durationP90Seconds the duration's 90th percentile, null with {@code durationP10Seconds}
 */
public record MoveSchedule(
    int sequence,
    int slot,
    List<String> predecessors,
    double startSeconds,
    double durationSeconds,
    double downtimeSeconds,
    boolean converged,
    @JsonInclude(JsonInclude.Include.NON_NULL) Double durationP10Seconds,
    @JsonInclude(JsonInclude.Include.NON_NULL) Double durationP90Seconds) {

  public MoveSchedule {
    predecessors = List.copyOf(predecessors);
    if ((durationP10Seconds == null) != (durationP90Seconds == null)) {
      throw new IllegalArgumentException("a duration interval needs both p10 and p90");
    }
  }

  public static MoveSchedule unscheduled() {
    return new MoveSchedule(-1, -1, List.of(), 0, 0, 0, false, null, null);
  }

  /** Whether the move carries a p10-p90 interval on its duration. */
  public boolean hasInterval() {
    return durationP10Seconds != null;
  }

  /** The same schedule with a p10-p90 interval on its duration. */
  public MoveSchedule withInterval(double p10Seconds, double p90Seconds) {
    return new MoveSchedule(
        sequence,
        slot,
        predecessors,
        startSeconds,
        durationSeconds,
        downtimeSeconds,
        converged,
        p10Seconds,
        p90Seconds);
  }

  /** Whether the scheduler has placed the move in its queue. */
  public boolean scheduled() {
    return sequence >= 0;
  }
}

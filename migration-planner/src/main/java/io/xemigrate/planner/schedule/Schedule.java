package io.xemigrate.planner.schedule;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * A batch as a dependency-ordered queue with its predicted figures.
 *
 * @param strategy how the queue was built
 * @param heuristic which candidate order won (for xe-migrate), or the baseline's rule
 * @param queue the moves in start order
 * @param makespanSeconds predicted end of the last move
 * @param lowerBound what no schedule under the same limits can beat
 * @param deadlineSeconds the maintenance window, if any
 */
public record Schedule(
    Strategy strategy,
    String heuristic,
    ImmutableList<ScheduledMove> queue,
    double makespanSeconds,
    LowerBound lowerBound,
    Optional<Double> deadlineSeconds) {

  /** Makespan over the lower bound. */
  public double ratio() {
    return lowerBound.ratio(makespanSeconds);
  }

  /** The sum of every move's predicted downtime. */
  public double totalDowntimeSeconds() {
    return queue.stream().mapToDouble(ScheduledMove::downtimeSeconds).sum();
  }

  /** The longest predicted downtime. */
  public double maxDowntimeSeconds() {
    return queue.stream().mapToDouble(ScheduledMove::downtimeSeconds).max().orElse(0);
  }

  /** Moves predicted not to converge before Xen's round cap. */
  public int nonConverged() {
    return (int) queue.stream().filter(move -> !move.converged()).count();
  }

  /** Moves predicted to end after the deadline (none without a deadline). */
  public ImmutableList<ScheduledMove> lateMoves() {
    if (deadlineSeconds.isEmpty()) {
      return ImmutableList.of();
    }
    double deadline = deadlineSeconds.get();
    return queue.stream()
        .filter(move -> move.endSeconds() > deadline)
        .collect(ImmutableList.toImmutableList());
  }
}

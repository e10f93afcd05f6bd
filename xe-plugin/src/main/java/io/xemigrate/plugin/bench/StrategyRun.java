package io.xemigrate.plugin.bench;

import com.google.common.collect.ImmutableMap;
import io.xemigrate.planner.schedule.LowerBound;
import io.xemigrate.planner.schedule.Schedule;
import io.xemigrate.planner.schedule.Strategy;

/**
 * One strategy's schedule and what its replay really did.
 *
 * @param strategy ours or a baseline
 * @param schedule the predicted schedule that was replayed
 * @param moves the replayed moves, by VM UUID
 * @param truthBound the makespan bound of the replay's truth under the strategy's limits ({@link
 *     TruthBounds})
 */
public record StrategyRun(
    Strategy strategy,
    Schedule schedule,
    ImmutableMap<String, ReplayedMove> moves,
    LowerBound truthBound) {

  /** From the first move's start to the last move's end, in virtual seconds. */
  public double makespanSeconds() {
    return succeeded().mapToDouble(ReplayedMove::endSeconds).max().orElse(0);
  }

  /** The lower bound under this strategy's limits, from the simulator's truth. */
  public double lowerBoundSeconds() {
    return truthBound.seconds();
  }

  /** Measured makespan over the truth's lower bound. */
  public double ratio() {
    return truthBound.ratio(makespanSeconds());
  }

  public double totalDowntimeSeconds() {
    return succeeded().mapToDouble(ReplayedMove::downtimeSeconds).sum();
  }

  public double maxDowntimeSeconds() {
    return succeeded().mapToDouble(ReplayedMove::downtimeSeconds).max().orElse(0);
  }

  /** Moves that ended at Xen's round cap rather than under the dirty threshold. */
  public int nonConverged() {
    return (int) succeeded().filter(move -> !move.converged()).count();
  }

  /** Moves whose call failed. */
  public int failed() {
    return moves.size() - (int) succeeded().count();
  }

  private java.util.stream.Stream<ReplayedMove> succeeded() {
    return moves.values().stream().filter(move -> move.failure().isEmpty());
  }
}

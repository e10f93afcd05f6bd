package io.xemigrate.coordinator.run;

import io.xemigrate.coordinator.move.MoveAction;
import io.xemigrate.coordinator.move.MoveState;
import io.xemigrate.planner.plan.MovePlan;
import java.util.List;

/**
 * What a run reports while it goes: the seam for the progress views (terminal, plain lines, JSON).
 * Called from the moves' threads; implementations synchronize themselves.
 */
public interface RunListener {
  default void runStarted(String runId, int moves) {}

  default void moveStarted(MovePlan move) {}

  default void phaseChanged(MovePlan move, MoveState state) {}

  /**
   * The move is about to read both pools to take its next step. With {@link #actionStarting}, the
   * seam through which the fault matrix injects a simulator fault at a chosen step of a move.
   */
  default void observing(MovePlan move, MoveState state) {}

  /** The move is about to run {@code action}; its intent is already journaled. */
  default void actionStarting(MovePlan move, MoveState state, MoveAction action) {}

  /** Task progress from 0 to 1, with the bytes per second observed since the last report. */
  default void progress(MovePlan move, double fraction, double bytesPerSecond) {}

  default void moveFinished(MovePlan move, MoveResult result) {}

  /**
   * The run re-planned its waiting moves because {@code cause} runs slower than planned (it now
   * expects {@code expectedSeconds} from its migration call to its end): {@code before} and {@code
   * after} are the waiting moves in their old and new order. Called from the run loop's thread.
   */
  default void replanned(
      MovePlan cause, double expectedSeconds, List<MovePlan> before, List<MovePlan> after) {}

  default void runFinished(RunSummary summary) {}

  static RunListener none() {
    return new RunListener() {};
  }
}

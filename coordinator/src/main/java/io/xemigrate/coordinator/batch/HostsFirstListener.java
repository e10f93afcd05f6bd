package io.xemigrate.coordinator.batch;

import io.xemigrate.coordinator.move.MoveAction;
import io.xemigrate.coordinator.move.MoveState;
import io.xemigrate.coordinator.run.MoveResult;
import io.xemigrate.coordinator.run.RunListener;
import io.xemigrate.coordinator.run.RunSummary;
import io.xemigrate.planner.plan.MovePlan;
import java.util.Optional;

/**
 * Passes a run's reports on as they come, except its end: {@link PreparedRun} hands that on once
 * the run's hosts are enabled again or left in maintenance mode, so whoever hears "finished" (the
 * API's event stream, the terminal) finds the hosts as the run leaves them.
 */
final class HostsFirstListener implements RunListener {
  private final RunListener next;
  private Optional<RunSummary> finished = Optional.empty();

  HostsFirstListener(RunListener next) {
    this.next = next;
  }

  /** Hands the run's end on, if it ended; called after its hosts are settled. */
  synchronized void hostsSettled() {
    finished.ifPresent(next::runFinished);
    finished = Optional.empty();
  }

  @Override
  public synchronized void runFinished(RunSummary summary) {
    finished = Optional.of(summary);
  }

  @Override
  public void runStarted(String runId, int moves) {
    next.runStarted(runId, moves);
  }

  @Override
  public void moveStarted(MovePlan move) {
    next.moveStarted(move);
  }

  @Override
  public void phaseChanged(MovePlan move, MoveState state) {
    next.phaseChanged(move, state);
  }

  @Override
  public void observing(MovePlan move, MoveState state) {
    next.observing(move, state);
  }

  @Override
  public void actionStarting(MovePlan move, MoveState state, MoveAction action) {
    next.actionStarting(move, state, action);
  }

  @Override
  public void progress(MovePlan move, double fraction, double bytesPerSecond) {
    next.progress(move, fraction, bytesPerSecond);
  }

  @Override
  public void moveFinished(MovePlan move, MoveResult result) {
    next.moveFinished(move, result);
  }
}

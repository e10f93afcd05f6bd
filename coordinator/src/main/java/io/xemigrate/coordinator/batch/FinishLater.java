package io.xemigrate.coordinator.batch;

import io.xemigrate.coordinator.move.MoveAction;
import io.xemigrate.coordinator.move.MoveState;
import io.xemigrate.coordinator.run.MoveResult;
import io.xemigrate.coordinator.run.RunListener;
import io.xemigrate.coordinator.run.RunSummary;
import io.xemigrate.planner.plan.MovePlan;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Passes every report of a run on as it comes, except the run's end: that one waits until {@link
 * #release} is called, once the batch has also given its hosts back. Whoever hears "finished" can
 * then read the hosts as the run left them.
 */
final class FinishLater implements RunListener {
  private final RunListener listener;
  private final AtomicReference<RunSummary> held = new AtomicReference<>();

  FinishLater(RunListener listener) {
    this.listener = listener;
  }

  /** Reports the run's end, if the run reached it. */
  void release() {
    RunSummary summary = held.getAndSet(null);
    if (summary != null) {
      listener.runFinished(summary);
    }
  }

  @Override
  public void runStarted(String runId, int moves) {
    listener.runStarted(runId, moves);
  }

  @Override
  public void moveStarted(MovePlan move) {
    listener.moveStarted(move);
  }

  @Override
  public void phaseChanged(MovePlan move, MoveState state) {
    listener.phaseChanged(move, state);
  }

  @Override
  public void observing(MovePlan move, MoveState state) {
    listener.observing(move, state);
  }

  @Override
  public void actionStarting(MovePlan move, MoveState state, MoveAction action) {
    listener.actionStarting(move, state, action);
  }

  @Override
  public void progress(MovePlan move, double fraction, double bytesPerSecond) {
    listener.progress(move, fraction, bytesPerSecond);
  }

  @Override
  public void moveFinished(MovePlan move, MoveResult result) {
    listener.moveFinished(move, result);
  }

  @Override
  public void replanned(
      MovePlan cause, double expectedSeconds, List<MovePlan> before, List<MovePlan> after) {
    listener.replanned(cause, expectedSeconds, before, after);
  }

  @Override
  public void runFinished(RunSummary summary) {
    held.set(summary);
  }
}

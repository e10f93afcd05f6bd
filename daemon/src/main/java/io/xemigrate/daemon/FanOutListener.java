package io.xemigrate.daemon;

import io.xemigrate.coordinator.move.MoveState;
import io.xemigrate.coordinator.run.MoveResult;
import io.xemigrate.coordinator.run.RunListener;
import io.xemigrate.coordinator.run.RunSummary;
import io.xemigrate.planner.plan.MovePlan;
import java.util.List;

/** Passes every run event to several listeners (the daemon's output and the API's event hub). */
public record FanOutListener(List<RunListener> listeners) implements RunListener {
  public FanOutListener {
    listeners = List.copyOf(listeners);
  }

  @Override
  public void runStarted(String runId, int moves) {
    listeners.forEach(listener -> listener.runStarted(runId, moves));
  }

  @Override
  public void moveStarted(MovePlan move) {
    listeners.forEach(listener -> listener.moveStarted(move));
  }

  @Override
  public void phaseChanged(MovePlan move, MoveState state) {
    listeners.forEach(listener -> listener.phaseChanged(move, state));
  }

  @Override
  public void progress(MovePlan move, double fraction, double bytesPerSecond) {
    listeners.forEach(listener -> listener.progress(move, fraction, bytesPerSecond));
  }

  @Override
  public void moveFinished(MovePlan move, MoveResult result) {
    listeners.forEach(listener -> listener.moveFinished(move, result));
  }

  @Override
  public void replanned(
      MovePlan cause,
      double expectedSeconds,
      java.util.List<MovePlan> before,
      java.util.List<MovePlan> after) {
    listeners.forEach(listener -> listener.replanned(cause, expectedSeconds, before, after));
  }

  @Override
  public void runFinished(RunSummary summary) {
    listeners.forEach(listener -> listener.runFinished(summary));
  }
}

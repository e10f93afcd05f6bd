package io.xemigrate.plugin.progress;

import io.xemigrate.coordinator.move.MoveState;
import io.xemigrate.coordinator.run.MoveResult;
import io.xemigrate.coordinator.run.RunListener;
import io.xemigrate.coordinator.run.RunSummary;
import io.xemigrate.planner.plan.MovePlan;
import java.io.PrintStream;

/** Progress as plain lines, for output that is not a terminal: one line per phase change. */
public final class PlainProgress implements RunListener {
  private final PrintStream out;

  public PlainProgress(PrintStream out) {
    this.out = out;
  }

  @Override
  public synchronized void runStarted(String runId, int moves) {
    out.println("run " + runId + ": " + moves + " moves");
  }

  @Override
  public synchronized void phaseChanged(MovePlan move, MoveState state) {
    out.println(move.vmName() + ": " + state.phase());
  }

  @Override
  public synchronized void moveFinished(MovePlan move, MoveResult result) {
    out.printf(
        "%s: %s%s after %.1f s%n",
        move.vmName(),
        result.phase(),
        result.outcomeCode().isEmpty() ? "" : " (" + result.outcomeCode() + ")",
        result.seconds());
  }

  @Override
  public synchronized void runFinished(RunSummary summary) {
    out.printf(
        "run %s: %s, %d of %d moves not done%n",
        summary.runId(), summary.status(), summary.failed(), summary.results().size());
  }
}

package io.xemigrate.plugin.progress;

import io.xemigrate.coordinator.move.MoveState;
import io.xemigrate.coordinator.run.MoveResult;
import io.xemigrate.coordinator.run.RunListener;
import io.xemigrate.coordinator.run.RunSummary;
import io.xemigrate.planner.plan.MovePlan;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Progress as plain lines, for output that is not a terminal: one line per phase change. */
public final class PlainProgress implements RunListener {
  /** Waiting moves named in a re-plan's line; the rest are counted. */
  private static final int SHOWN = 12;

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
  public synchronized void replanned(
      MovePlan cause, double expectedSeconds, List<MovePlan> before, List<MovePlan> after) {
    String order =
        after.stream().limit(SHOWN).map(MovePlan::vmName).collect(Collectors.joining(", "));
    out.printf(
        Locale.ROOT,
        "re-planned: %s needs about %.0f s; order now %s%s%n",
        cause.vmName(),
        expectedSeconds,
        order,
        after.size() > SHOWN ? " and " + (after.size() - SHOWN) + " more" : "");
  }

  @Override
  public synchronized void runFinished(RunSummary summary) {
    out.printf(
        "run %s: %s, %d of %d moves not done%n",
        summary.runId(), summary.status(), summary.failed(), summary.results().size());
  }
}

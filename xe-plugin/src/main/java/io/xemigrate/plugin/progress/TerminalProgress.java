package io.xemigrate.plugin.progress;

import io.xemigrate.coordinator.move.MoveState;
import io.xemigrate.coordinator.run.MoveResult;
import io.xemigrate.coordinator.run.RunListener;
import io.xemigrate.coordinator.run.RunSummary;
import io.xemigrate.planner.plan.MovePlan;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The live view on a terminal: a bar per running move (phase, percentage, rate, remaining time) and
 * an overall bar, redrawn in place with ANSI cursor movement. Finished moves scroll up as one line
 * each.
 */
public final class TerminalProgress implements RunListener {
  private static final int BAR = 24;

  /** One running move's line. */
  private static final class Line {
    final String name;
    final Instant started;
    String phase = "PENDING";
    double fraction;

    Line(String name, Instant started) {
      this.name = name;
      this.started = started;
    }
  }

  private final PrintStream out;
  private final Clock clock;
  private final Map<String, Line> running = new LinkedHashMap<>();
  private int total;
  private int finished;
  private int drawn;

  public TerminalProgress(PrintStream out, Clock clock) {
    this.out = out;
    this.clock = clock;
  }

  @Override
  public synchronized void runStarted(String runId, int moves) {
    total = moves;
    out.println("run " + runId + ": " + moves + " moves");
    redraw();
  }

  @Override
  public synchronized void moveStarted(MovePlan move) {
    running.put(move.vmUuid(), new Line(move.vmName(), clock.instant()));
    redraw();
  }

  @Override
  public synchronized void phaseChanged(MovePlan move, MoveState state) {
    Line line = running.get(move.vmUuid());
    if (line != null) {
      line.phase = state.phase().name();
      redraw();
    }
  }

  @Override
  public synchronized void progress(MovePlan move, double fraction, double bytesPerSecond) {
    Line line = running.get(move.vmUuid());
    if (line != null) {
      line.fraction = fraction;
      redraw();
    }
  }

  @Override
  public synchronized void moveFinished(MovePlan move, MoveResult result) {
    running.remove(move.vmUuid());
    finished++;
    erase();
    out.printf(
        "%-20s %s%s (%.1f s)%n",
        move.vmName(),
        result.phase(),
        result.outcomeCode().isEmpty() ? "" : " " + result.outcomeCode(),
        result.seconds());
    redraw();
  }

  @Override
  public synchronized void runFinished(RunSummary summary) {
    erase();
    out.printf("run %s: %s in %.1f s%n", summary.runId(), summary.status(), summary.seconds());
  }

  private void erase() {
    for (int i = 0; i < drawn; i++) {
      out.print("\033[1A\033[2K");
    }
    drawn = 0;
  }

  private void redraw() {
    erase();
    Instant now = clock.instant();
    for (Line line : running.values()) {
      double seconds = Math.max(1e-3, Duration.between(line.started, now).toNanos() / 1e9);
      double rate = line.fraction / seconds;
      String left = rate > 0 ? String.format("%.0f s left", (1 - line.fraction) / rate) : "";
      out.printf(
          "%-20s %-12s %s %3.0f%% %5.1f %%/s %s%n",
          line.name, line.phase, bar(line.fraction), line.fraction * 100, rate * 100, left);
      drawn++;
    }
    double overall = total == 0 ? 1 : (double) finished / total;
    out.printf("%-20s %-12s %s %d/%d%n", "overall", "", bar(overall), finished, total);
    drawn++;
    out.flush();
  }

  private static String bar(double fraction) {
    int full = (int) Math.round(Math.max(0, Math.min(1, fraction)) * BAR);
    return "[" + "#".repeat(full) + " ".repeat(BAR - full) + "]";
  }
}

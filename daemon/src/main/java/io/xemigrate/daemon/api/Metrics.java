package io.xemigrate.daemon.api;

import io.xemigrate.coordinator.run.MoveResult;
import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.storage.mapping.DiskMapping;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The counters behind {@code /metrics}, fed by the {@link EventHub}, written in the Prometheus text
 * format 0.0.4 by hand (a handful of series needs no client library).
 *
 * <p>xapi reports no guest pause, so {@code xemigrate_downtime_seconds} observes each finished
 * move's <em>predicted</em> downtime from the plan's schedule; the README says so.
 */
final class Metrics {
  /** How a move ended, as the {@code result} label says it. */
  enum Result {
    SUCCEEDED,
    FAILED,
    SKIPPED,
    CANCELLED;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final double[] SECONDS = {1, 5, 10, 30, 60, 120, 300, 600, 1800, 3600};
  private static final double[] PAUSES = {0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60};

  private final AtomicLong started = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong bytesPlanned = new AtomicLong();
  private final AtomicLong runsActive = new AtomicLong();
  private final Map<Result, AtomicLong> finished = new EnumMap<>(Result.class);
  private final Histogram durations =
      new Histogram(
          "xemigrate_move_duration_seconds", "Time from a move's first step to its end.", SECONDS);
  private final Histogram downtime =
      new Histogram(
          "xemigrate_downtime_seconds",
          "Predicted guest pause of each finished move (xapi reports none).",
          PAUSES);

  Metrics() {
    for (Result result : Result.values()) {
      finished.put(result, new AtomicLong());
    }
  }

  void runStarted() {
    runsActive.incrementAndGet();
  }

  void runFinished() {
    runsActive.decrementAndGet();
  }

  void moveStarted(MovePlan move) {
    started.incrementAndGet();
    bytesPlanned.addAndGet(
        move.disks().stream()
            .filter(DiskMapping::moves)
            .mapToLong(DiskMapping::bytesOnDestination)
            .sum());
  }

  void moveFinished(MovePlan move, MoveResult result) {
    Result label = resultOf(result);
    finished.get(label).incrementAndGet();
    if (label == Result.FAILED) {
      failed.incrementAndGet();
    }
    durations.observe(result.seconds());
    if (label == Result.SUCCEEDED) {
      downtime.observe(move.schedule().downtimeSeconds());
    }
  }

  static Result resultOf(MoveResult result) {
    return switch (result.phase()) {
      case SUCCEEDED -> Result.SUCCEEDED;
      case SKIPPED -> Result.SKIPPED;
      case CANCELLED -> Result.CANCELLED;
      case PENDING,
          RECEIVING,
          VALIDATING,
          MIGRATING,
          VERIFYING,
          REATTACHING,
          RECOVERING,
          FAILED,
          NEEDS_RECONCILE ->
          Result.FAILED;
    };
  }

  /** The exposition text. */
  String text() {
    StringBuilder out = new StringBuilder();
    counter(out, "xemigrate_moves_started_total", "Moves started.", started.get());
    out.append("# HELP xemigrate_moves_finished_total Moves ended, by result.\n");
    out.append("# TYPE xemigrate_moves_finished_total counter\n");
    for (Result result : Result.values()) {
      out.append("xemigrate_moves_finished_total{result=\"")
          .append(result.label())
          .append("\"} ")
          .append(finished.get(result).get())
          .append('\n');
    }
    counter(
        out,
        "xemigrate_moves_failed_total",
        "Moves that ended failed or needing reconciliation.",
        failed.get());
    counter(
        out,
        "xemigrate_bytes_planned_total",
        "Disk bytes the started moves planned to copy.",
        bytesPlanned.get());
    downtime.write(out);
    durations.write(out);
    out.append("# HELP xemigrate_runs_active Runs going on now.\n");
    out.append("# TYPE xemigrate_runs_active gauge\n");
    out.append("xemigrate_runs_active ").append(runsActive.get()).append('\n');
    return out.toString();
  }

  private static void counter(StringBuilder out, String name, String help, long value) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(" counter\n");
    out.append(name).append(' ').append(value).append('\n');
  }

  static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }
}

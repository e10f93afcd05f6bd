package io.xemigrate.coordinator.run;

import com.google.common.collect.ImmutableList;
import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.planner.schedule.ProgressReading;
import io.xemigrate.planner.schedule.WaitingQueue.Observed;
import io.xemigrate.planner.schedule.WaitingQueue.Running;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Follows the task progress of a run's moves on the run's clock and tells the run loop when a move
 * departs from what the run expects of it ({@link ProgressReading}). Called from the moves' threads
 * and the loop's; synchronized.
 */
final class ProgressWatch {
  /**
   * A running move found slower than expected: the run now expects {@code expectedSeconds} from its
   * migration call to its end (the plan said {@code plannedSeconds}).
   */
  record Departure(MovePlan move, double expectedSeconds, double plannedSeconds) {}

  /** A drop of progress by more than this starts a new 0-to-1 run (memory after the disks). */
  private static final double NEW_RUN_DROP = 0.05;

  private static final class Tracked {
    final MovePlan move;
    final Instant begun;
    Instant called;
    double expected;
    boolean departed;
    double lastFraction = -1;
    Instant lastAt;
    double runStart;

    Tracked(MovePlan move, Instant begun) {
      this.move = move;
      this.begun = begun;
      this.expected = move.schedule().durationSeconds();
    }

    double planned() {
      return move.schedule().durationSeconds();
    }
  }

  private final Clock clock;
  private final Consumer<Object> loop;
  private final Map<String, Tracked> running = new LinkedHashMap<>();
  private final List<Observed> ended = new ArrayList<>();

  /** Reports departures to {@code loop} (the run loop's queue). */
  ProgressWatch(Clock clock, Consumer<Object> loop) {
    this.clock = clock;
    this.loop = loop;
  }

  /** The run started {@code move}. */
  synchronized void begun(MovePlan move) {
    running.put(move.vmUuid(), new Tracked(move, clock.instant()));
  }

  /** The move's migration call is about to be sent: its task's progress counts from here. */
  synchronized void migrationCalled(String vmUuid) {
    Tracked tracked = running.get(vmUuid);
    if (tracked != null) {
      tracked.called = clock.instant();
      tracked.lastFraction = -1;
      tracked.runStart = 0;
    }
  }

  /** The move's task reported {@code fraction}. */
  void progress(String vmUuid, double fraction) {
    Departure departure;
    synchronized (this) {
      departure = departure(vmUuid, fraction);
    }
    if (departure != null) {
      loop.accept(departure);
    }
  }

  private Departure departure(String vmUuid, double fraction) {
    Tracked tracked = running.get(vmUuid);
    if (tracked == null || tracked.called == null || !(tracked.planned() > 0)) {
      return null;
    }
    Instant now = clock.instant();
    if (tracked.lastFraction >= 0 && fraction < tracked.lastFraction - NEW_RUN_DROP) {
      tracked.runStart = seconds(tracked.called, tracked.lastAt);
    }
    tracked.lastFraction = fraction;
    tracked.lastAt = now;
    ProgressReading reading =
        new ProgressReading(seconds(tracked.called, now), tracked.runStart, fraction);
    if (!reading.departsFrom(tracked.expected)) {
      return null;
    }
    tracked.expected = reading.lowerEstimateSeconds();
    tracked.departed = true;
    return new Departure(tracked.move, tracked.expected, tracked.planned());
  }

  /** The move ended: its length over the plan's becomes an observation of its host pair. */
  synchronized void finished(String vmUuid) {
    Tracked tracked = running.remove(vmUuid);
    if (tracked != null && tracked.called != null && tracked.planned() > 0) {
      double seconds = seconds(tracked.called, clock.instant());
      ended.add(observed(tracked, seconds / tracked.planned()));
    }
  }

  /** The moves under way, each with the seconds the run still expects it to need. */
  synchronized ImmutableList<Running> running() {
    Instant now = clock.instant();
    ImmutableList.Builder<Running> moves = ImmutableList.builder();
    for (Tracked tracked : running.values()) {
      double elapsed = seconds(tracked.called == null ? tracked.begun : tracked.called, now);
      moves.add(
          new Running(
              tracked.move.vmUuid(),
              tracked.move.sourceHostUuid(),
              tracked.move.destinationHostUuid(),
              Math.max(0, tracked.expected - elapsed)));
    }
    return moves.build();
  }

  /** What this run has seen: ended moves, and running moves found slower than planned. */
  synchronized ImmutableList<Observed> observed() {
    ImmutableList.Builder<Observed> seen = ImmutableList.<Observed>builder().addAll(ended);
    for (Tracked tracked : running.values()) {
      if (tracked.departed) {
        seen.add(observed(tracked, tracked.expected / tracked.planned()));
      }
    }
    return seen.build();
  }

  private static Observed observed(Tracked tracked, double ratio) {
    return new Observed(tracked.move.sourceHostUuid(), tracked.move.destinationHostUuid(), ratio);
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toNanos() / 1e9;
  }
}

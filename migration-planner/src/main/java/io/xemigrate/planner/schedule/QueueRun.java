package io.xemigrate.planner.schedule;

import com.google.common.collect.ImmutableList;
import io.xemigrate.planner.schedule.WaitingQueue.Entry;
import io.xemigrate.planner.schedule.WaitingQueue.Waiting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The virtual time of one {@link WaitingQueue} trial: the moves holding hosts, each until its end,
 * and the per-host limits they are counted against. Seconds from the re-plan.
 */
final class QueueRun {
  private static final double EPSILON = 1e-9;

  private record Held(String vmUuid, String from, String to, double end) {}

  private final Map<String, Integer> fromLimits;
  private final Map<String, Integer> toLimits;
  private final List<Held> active = new ArrayList<>();
  private List<Held> endedNow = List.of();
  private double now;
  private double makespan;

  QueueRun(Map<String, Integer> fromLimits, Map<String, Integer> toLimits) {
    this.fromLimits = fromLimits;
    this.toLimits = toLimits;
  }

  /** A move already under way, holding its hosts for {@code remainingSeconds}. */
  void hold(String vmUuid, String from, String to, double remainingSeconds) {
    active.add(new Held(vmUuid, from, to, now + remainingSeconds));
    makespan = Math.max(makespan, now + remainingSeconds);
  }

  /** Whether {@code move} may start now: both its hosts below the plan's concurrency. */
  boolean fits(Waiting move) {
    return count(true, move.sourceHostUuid()) < fromLimits.getOrDefault(move.sourceHostUuid(), 1)
        && count(false, move.destinationHostUuid())
            < toLimits.getOrDefault(move.destinationHostUuid(), 1);
  }

  /**
   * Starts {@code move} now. Its predecessors are the moves that just ended on one of its hosts
   * (or, when none did, every move that just ended); none when it starts at once.
   */
  Entry start(Waiting move) {
    List<String> sharing = new ArrayList<>();
    for (Held ended : endedNow) {
      if (ended.from().equals(move.sourceHostUuid())
          || ended.to().equals(move.destinationHostUuid())) {
        sharing.add(ended.vmUuid());
      }
    }
    if (sharing.isEmpty()) {
      endedNow.forEach(ended -> sharing.add(ended.vmUuid()));
    }
    hold(move.vmUuid(), move.sourceHostUuid(), move.destinationHostUuid(), move.durationSeconds());
    return new Entry(
        move.vmUuid(), -1, now, move.durationSeconds(), ImmutableList.sortedCopyOf(sharing));
  }

  /** Moves time to the next end and frees the hosts of every move ending then. */
  void advance() {
    double next = Double.POSITIVE_INFINITY;
    for (Held held : active) {
      next = Math.min(next, held.end());
    }
    if (Double.isInfinite(next)) {
      throw new IllegalStateException("nothing under way and nothing fits");
    }
    now = next;
    List<Held> ended = new ArrayList<>();
    for (Held held : active) {
      if (held.end() <= now + EPSILON) {
        ended.add(held);
      }
    }
    active.removeAll(ended);
    endedNow = ended;
  }

  double makespan() {
    return makespan;
  }

  private int count(boolean leaving, String host) {
    int count = 0;
    for (Held held : active) {
      if ((leaving ? held.from() : held.to()).equals(host)) {
        count++;
      }
    }
    return count;
  }
}

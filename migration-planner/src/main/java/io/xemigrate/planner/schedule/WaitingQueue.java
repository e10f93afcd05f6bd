package io.xemigrate.planner.schedule;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-plans the moves of a run that have not started, once a running move departs from the plan.
 *
 * <p>Description: the plan's concurrency is kept (per sending host and per receiving host, the most
 * moves the plan runs there at once), and so are the waiting moves' predicted durations, each
 * scaled by what the run has shown of its host pair (the smallest ratio of observed to planned
 * among at least {@value #PAIR_EVIDENCE} moves of that pair: a link slows every move on it, one
 * slow VM only itself). The running moves hold their hosts until their expected end. The
 * scheduler's list rule then runs again on these figures: at every end the waiting moves are
 * scanned in list order and each one that fits starts. Two lists are tried, as the scheduler does
 * with its candidate orders: the plan's own order and longest first; the shorter makespan wins
 * (within 1 %, then the smaller sum of ends; a tie keeps the plan's order).
 *
 * <p>A waiting move's predecessors become the moves whose end frees the host it waits for. Pure:
 * times are seconds from the re-plan, given by the caller.
 */
public final class WaitingQueue {
  /** Observations of a host pair needed before its ratio scales the pair's waiting moves. */
  static final int PAIR_EVIDENCE = 2;

  private static final double MAKESPAN_TOLERANCE = 0.01;
  private static final double EPSILON = 1e-9;

  /** A move of the plan at its predicted place in time. */
  public record Planned(
      String vmUuid,
      String sourceHostUuid,
      String destinationHostUuid,
      double startSeconds,
      double durationSeconds) {}

  /** A move not started yet, with the plan's predicted duration. */
  public record Waiting(
      String vmUuid, String sourceHostUuid, String destinationHostUuid, double durationSeconds) {}

  /** A move under way, with the seconds the run now expects it to need to its end. */
  public record Running(
      String vmUuid, String sourceHostUuid, String destinationHostUuid, double remainingSeconds) {}

  /**
   * A move of this run seen (running or ended): its estimated or measured length over the plan's.
   */
  public record Observed(String sourceHostUuid, String destinationHostUuid, double ratio) {}

  /** One waiting move in the new queue; times in seconds from the re-plan. */
  public record Entry(
      String vmUuid,
      int sequence,
      double startSeconds,
      double durationSeconds,
      ImmutableList<String> predecessors) {}

  /**
   * The new queue of the waiting moves in start order.
   *
   * @param order which list won: {@code "plan order"} or {@code "longest first"}
   */
  public record Replan(ImmutableList<Entry> queue, double makespanSeconds, String order) {
    public ImmutableList<String> vmOrder() {
      return queue.stream().map(Entry::vmUuid).collect(ImmutableList.toImmutableList());
    }
  }

  private final Map<String, Integer> fromLimits;
  private final Map<String, Integer> toLimits;

  private WaitingQueue(Map<String, Integer> fromLimits, Map<String, Integer> toLimits) {
    this.fromLimits = fromLimits;
    this.toLimits = toLimits;
  }

  /** A re-planner keeping the concurrency {@code plan} uses on each host. */
  public static WaitingQueue of(List<Planned> plan) {
    return new WaitingQueue(
        peakOverlap(plan, Planned::sourceHostUuid),
        peakOverlap(plan, Planned::destinationHostUuid));
  }

  /** The most moves the plan runs at once on each host, by {@code host}. */
  private static Map<String, Integer> peakOverlap(
      List<Planned> plan, java.util.function.Function<Planned, String> host) {
    Map<String, List<double[]>> events = new HashMap<>();
    for (Planned move : plan) {
      List<double[]> list = events.computeIfAbsent(host.apply(move), h -> new ArrayList<>());
      list.add(new double[] {move.startSeconds(), 1});
      list.add(new double[] {move.startSeconds() + move.durationSeconds(), -1});
    }
    Map<String, Integer> peaks = new HashMap<>();
    events.forEach(
        (key, list) -> {
          // An end at the instant of a start frees the host first.
          list.sort(Comparator.<double[]>comparingDouble(e -> e[0]).thenComparingDouble(e -> e[1]));
          int now = 0;
          int peak = 1;
          for (double[] event : list) {
            now += (int) event[1];
            peak = Math.max(peak, now);
          }
          peaks.put(key, peak);
        });
    return peaks;
  }

  /**
   * The new queue of {@code waiting} (given in the current queue order), with {@code running}
   * holding their hosts and {@code observed} scaling the waiting moves of their host pairs.
   */
  public Replan replan(List<Waiting> waiting, List<Running> running, List<Observed> observed) {
    Map<String, Double> pairFactors = pairFactors(observed);
    List<Waiting> scaled = new ArrayList<>();
    for (Waiting move : waiting) {
      double factor =
          pairFactors.getOrDefault(pair(move.sourceHostUuid(), move.destinationHostUuid()), 1.0);
      scaled.add(
          new Waiting(
              move.vmUuid(),
              move.sourceHostUuid(),
              move.destinationHostUuid(),
              move.durationSeconds() * factor));
    }
    List<Waiting> longest = new ArrayList<>(scaled);
    longest.sort(Comparator.comparingDouble(move -> -move.durationSeconds()));
    Replan planOrder = simulate(scaled, running, "plan order");
    Replan longestFirst = simulate(longest, running, "longest first");
    return isBetter(longestFirst, planOrder) ? longestFirst : planOrder;
  }

  private static boolean isBetter(Replan candidate, Replan incumbent) {
    double a = candidate.makespanSeconds();
    double b = incumbent.makespanSeconds();
    if (Math.abs(a - b) > MAKESPAN_TOLERANCE * Math.max(a, b)) {
      return a < b;
    }
    return sumOfEnds(candidate) < sumOfEnds(incumbent) - EPSILON;
  }

  private static double sumOfEnds(Replan replan) {
    return replan.queue().stream().mapToDouble(e -> e.startSeconds() + e.durationSeconds()).sum();
  }

  /** Per host pair, the smallest observed ratio, once the pair has enough observations. */
  private static Map<String, Double> pairFactors(List<Observed> observed) {
    Map<String, List<Double>> byPair = new HashMap<>();
    for (Observed seen : observed) {
      byPair
          .computeIfAbsent(
              pair(seen.sourceHostUuid(), seen.destinationHostUuid()), p -> new ArrayList<>())
          .add(seen.ratio());
    }
    Map<String, Double> factors = new HashMap<>();
    byPair.forEach(
        (pair, ratios) -> {
          if (ratios.size() >= PAIR_EVIDENCE) {
            factors.put(pair, ratios.stream().mapToDouble(Double::doubleValue).min().orElse(1));
          }
        });
    return factors;
  }

  private static String pair(String from, String to) {
    return from + ">" + to;
  }

  private Replan simulate(List<Waiting> order, List<Running> running, String label) {
    QueueRun run = new QueueRun(fromLimits, toLimits);
    running.forEach(
        move ->
            run.hold(
                move.vmUuid(),
                move.sourceHostUuid(),
                move.destinationHostUuid(),
                Math.max(0, move.remainingSeconds())));
    List<Waiting> pending = new ArrayList<>(order);
    List<Entry> entries = new ArrayList<>();
    while (!pending.isEmpty()) {
      // With nothing under way every count is 0 and every limit at least 1: the first one fits.
      for (Waiting move : List.copyOf(pending)) {
        if (run.fits(move)) {
          entries.add(run.start(move));
          pending.remove(move);
        }
      }
      if (!pending.isEmpty()) {
        run.advance();
      }
    }
    entries.sort(Comparator.comparingDouble(Entry::startSeconds));
    ImmutableList.Builder<Entry> queue = ImmutableList.builder();
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      queue.add(new Entry(e.vmUuid(), i, e.startSeconds(), e.durationSeconds(), e.predecessors()));
    }
    return new Replan(queue.build(), run.makespan(), label);
  }
}

package io.xemigrate.plugin.timeline;

import com.google.common.collect.ImmutableList;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.MovePlan;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan's scheduled moves as lanes of bars (one row per move, rows grouped by lane and ordered by
 * predicted start), and the time scale from 0 to the makespan: the shape both the command line's
 * SVG and the web console draw.
 */
public record TimelineLayout(ImmutableList<Lane> lanes, double makespanSeconds) {

  /** What the rows are grouped by. */
  public enum Grouping {
    /** One lane per destination host. */
    DESTINATION_HOST,
    /** One lane per sending NIC: the source host's interface on the plan's transfer network. */
    SOURCE_NIC
  }

  /** One lane: its title and its moves, ordered by predicted start. */
  public record Lane(String title, ImmutableList<MovePlan> moves) {}

  public static TimelineLayout of(MigrationPlan plan, Grouping grouping) {
    Map<String, List<MovePlan>> lanes = new LinkedHashMap<>();
    plan.moves().stream()
        .filter(move -> move.schedule().scheduled())
        .sorted(
            Comparator.comparing((MovePlan move) -> laneTitle(move, grouping))
                .thenComparingDouble(move -> move.schedule().startSeconds())
                .thenComparingInt(move -> move.schedule().sequence()))
        .forEach(
            move ->
                lanes
                    .computeIfAbsent(
                        laneTitle(move, grouping), title -> new java.util.ArrayList<>())
                    .add(move));
    double end =
        plan.moves().stream()
            .filter(move -> move.schedule().scheduled())
            .mapToDouble(move -> move.schedule().startSeconds() + move.schedule().durationSeconds())
            .max()
            .orElse(0);
    return new TimelineLayout(
        lanes.entrySet().stream()
            .map(entry -> new Lane(entry.getKey(), ImmutableList.copyOf(entry.getValue())))
            .collect(ImmutableList.toImmutableList()),
        Math.max(end, plan.schedule().makespanSeconds()));
  }

  /** How many bars: the scheduled moves. */
  public int bars() {
    return lanes.stream().mapToInt(lane -> lane.moves().size()).sum();
  }

  static String laneTitle(MovePlan move, Grouping grouping) {
    return switch (grouping) {
      case DESTINATION_HOST -> "to " + move.destinationHostName();
      case SOURCE_NIC -> "from " + move.sourceHostName() + " on " + shortUuid(move);
    };
  }

  private static String shortUuid(MovePlan move) {
    String network = move.transferNetworkUuid() == null ? "" : move.transferNetworkUuid();
    return network.isEmpty()
        ? "its management NIC"
        : "network " + network.substring(0, Math.min(8, network.length()));
  }

  /** Axis ticks: a round step giving about eight ticks up to the makespan. */
  public ImmutableList<Double> ticks() {
    double span = Math.max(makespanSeconds, 1);
    double raw = span / 8;
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double step =
        List.of(1.0, 2.0, 5.0, 10.0).stream()
            .map(factor -> factor * magnitude)
            .filter(candidate -> candidate >= raw)
            .findFirst()
            .orElse(10 * magnitude);
    ImmutableList.Builder<Double> ticks = ImmutableList.builder();
    for (double at = 0; at <= span + 1e-9; at += step) {
      ticks.add(at);
    }
    return ticks.build();
  }
}

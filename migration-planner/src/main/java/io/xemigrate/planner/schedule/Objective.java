package io.xemigrate.planner.schedule;

import java.util.Locale;
import java.util.Optional;

/**
 * What the operator wants most from a batch ({@code objective=}): the scheduler's limits and the
 * order of its criteria follow from it.
 *
 * <ul>
 *   <li>{@link #BALANCED} (default): the policy's limits (at most {@link
 *       SchedulerPolicy#maxPerDestinationHost()} moves entering a host); shortest makespan first,
 *       then least total downtime.
 *   <li>{@link #MAKESPAN}: as many moves entering a host as leave one ({@link
 *       SchedulerPolicy#maxPerSourceHost()}, xapi's evacuate window), so the receiving NICs are not
 *       the bottleneck; shortest makespan first.
 *   <li>{@link #DOWNTIME}: one move at a time per sending and per receiving host, so every stream
 *       has its NICs to itself as when moves run one after another; least total downtime first,
 *       then the shortest makespan.
 * </ul>
 */
public enum Objective {
  MAKESPAN,
  DOWNTIME,
  BALANCED;

  /** The name on the command line and in the API. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The objective named {@code value} ({@code makespan}, {@code downtime}, {@code balanced}). */
  public static Optional<Objective> parse(String value) {
    for (Objective objective : values()) {
      if (objective.wireName().equals(value)) {
        return Optional.of(objective);
      }
    }
    return Optional.empty();
  }

  /** {@code policy} with the limits this objective runs under. */
  public SchedulerPolicy limit(SchedulerPolicy policy) {
    return switch (this) {
      case BALANCED -> policy;
      case MAKESPAN ->
          policy.withHostLimits(
              policy.maxPerSourceHost(),
              Math.max(policy.maxPerDestinationHost(), policy.maxPerSourceHost()));
      case DOWNTIME -> policy.withHostLimits(1, 1);
    };
  }
}

package io.xemigrate.planner.schedule;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Optional;

/** Simulates candidate lists for the scheduler under one topology, policy and bound. */
final class Trials {
  private final Topology topology;
  private final SchedulerPolicy policy;
  private final LowerBound bound;
  private final Optional<Double> deadline;

  Trials(Topology topology, SchedulerPolicy policy, LowerBound bound, Optional<Double> deadline) {
    this.topology = topology;
    this.policy = policy;
    this.bound = bound;
    this.deadline = deadline;
  }

  /** Simulates {@code ordered} with these exclusive moves and per-host limits. */
  Trial run(List<Candidate> ordered, Exclusivity exclusivity, int beyondFill, String orderLabel) {
    boolean[] exclusive = new boolean[ordered.size()];
    for (int i = 0; i < exclusive.length; i++) {
      exclusive[i] = exclusivity.applies(ordered.get(i));
    }
    ImmutableList<ScheduledMove> queue =
        BatchSimulation.run(
            ordered.stream().map(Candidate::move).toList(),
            exclusive,
            policy.limits().withStreamsBeyondFill(beyondFill),
            topology,
            policy.model());
    String heuristic = orderLabel + ", " + exclusivity.label() + fillLabel(beyondFill);
    Schedule schedule =
        new Schedule(
            Strategy.XE_MIGRATE, heuristic, queue, Scheduler.makespan(queue), bound, deadline);
    return new Trial(ordered, exclusivity, beyondFill, orderLabel, schedule);
  }

  private static String fillLabel(int beyondFill) {
    if (beyondFill == ConcurrencyLimits.NO_FILL_LIMIT) {
      return "";
    }
    return beyondFill == 0 ? ", link-filling limits" : ", link-filling limits + " + beyondFill;
  }
}

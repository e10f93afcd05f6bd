package io.xemigrate.coordinator.planning;

import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.PlanSchedule;
import io.xemigrate.planner.plan.PlanScheduling;
import io.xemigrate.planner.predict.CalibrationObservations;
import io.xemigrate.planner.predict.DirtyRateEstimator;
import io.xemigrate.planner.predict.MoveDemand;
import io.xemigrate.planner.predict.MoveDemands;
import io.xemigrate.planner.schedule.InventoryTopology;
import io.xemigrate.planner.schedule.Objective;
import io.xemigrate.planner.schedule.Schedule;
import io.xemigrate.planner.schedule.Scheduler;
import io.xemigrate.planner.schedule.SchedulerPolicy;
import io.xemigrate.planner.schedule.Topology;
import io.xemigrate.xapi.model.PoolInventory;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Attaches the predictor's and scheduler's output to a plan: per move the queue position, predicted
 * start, duration, downtime and predecessors (the planner's {@link PlanScheduling}), for the plan
 * the makespan and its lower bound ({@link PlanSchedule}). Blocked moves stay unscheduled.
 *
 * <p>The links come from the pools ({@link InventoryTopology}: PIF speeds, SR hints), VM dirtying
 * from other_config hints or kind defaults, both refined by the journal's observations.
 */
public final class PlanScheduler {
  private final CalibrationObservations calibration;
  private final Objective objective;

  /** A scheduler of today's default objective, {@link Objective#BALANCED}. */
  public PlanScheduler(CalibrationObservations calibration) {
    this(calibration, Objective.BALANCED);
  }

  /** A scheduler favouring {@code objective} ({@code objective=}). */
  public PlanScheduler(CalibrationObservations calibration, Objective objective) {
    this.calibration = calibration;
    this.objective = objective;
  }

  /** The plan with the schedule attached; a plan with nothing movable comes back unchanged. */
  public MigrationPlan schedule(
      MigrationPlan plan, PoolInventory source, PoolInventory destination) {
    List<MoveDemand> moves =
        PlanScheduling.demands(plan, source, new MoveDemands(new DirtyRateEstimator(calibration)));
    if (moves.isEmpty()) {
      return plan;
    }
    Schedule schedule =
        new Scheduler(topology(plan, source, destination), SchedulerPolicy.defaults(), objective)
            .schedule(moves);
    MigrationPlan scheduled = PlanScheduling.attach(plan, schedule);
    return scheduled.withSchedule(
        scheduled.moves(),
        new PlanSchedule(
            schedule.heuristic(),
            schedule.makespanSeconds(),
            schedule.lowerBound().seconds(),
            schedule.totalDowntimeSeconds()));
  }

  private Topology topology(MigrationPlan plan, PoolInventory source, PoolInventory destination) {
    Set<String> networks = new HashSet<>();
    plan.moves().forEach(move -> networks.add(move.transferNetworkUuid()));
    return InventoryTopology.of(List.of(source, destination), networks, calibration);
  }
}

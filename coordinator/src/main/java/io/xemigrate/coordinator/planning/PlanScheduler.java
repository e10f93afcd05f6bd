package io.xemigrate.coordinator.planning;

import com.google.common.collect.ImmutableMap;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.planner.plan.MoveSchedule;
import io.xemigrate.planner.plan.PlanSchedule;
import io.xemigrate.planner.plan.PlanScheduling;
import io.xemigrate.planner.predict.CalibrationObservations;
import io.xemigrate.planner.predict.DirtyRateEstimator;
import io.xemigrate.planner.predict.MoveDemand;
import io.xemigrate.planner.predict.MoveDemands;
import io.xemigrate.planner.predict.MoveInterval;
import io.xemigrate.planner.schedule.InventoryTopology;
import io.xemigrate.planner.schedule.MirroredWrites;
import io.xemigrate.planner.schedule.MoveIntervals;
import io.xemigrate.planner.schedule.Objective;
import io.xemigrate.planner.schedule.PoolObservations;
import io.xemigrate.planner.schedule.Schedule;
import io.xemigrate.planner.schedule.Scheduler;
import io.xemigrate.planner.schedule.SchedulerPolicy;
import io.xemigrate.planner.schedule.Topology;
import io.xemigrate.xapi.model.PoolInventory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Attaches the predictor's and scheduler's output to a plan: per move the queue position, predicted
 * start, duration, downtime and predecessors (the planner's {@link PlanScheduling}), and a p10-p90
 * interval on the duration of every move, as wide as its rates are unknown ({@link MoveIntervals});
 * for the plan the makespan, its lower bound and its p10-p90 ({@link PlanSchedule}). Blocked moves
 * stay unscheduled.
 *
 * <p>The links come from the pools ({@link InventoryTopology}: PIF speeds less the NIC traffic the
 * pools' RRDs showed, SR hints), VM dirtying from other_config hints, else from the journal's
 * completed moves of the VM (fitted by the planner's {@code HistoryFit}), else kind defaults;
 * stream rates per host pair from the journal where it has moves of the pair.
 */
public final class PlanScheduler {
  /** How far back the pools' RRDs are read before planning. */
  public static final long OBSERVATION_WINDOW_SECONDS = 600;

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

  /** The plan with the schedule attached, on nominal link speeds (no RRD observed). */
  public MigrationPlan schedule(
      MigrationPlan plan, PoolInventory source, PoolInventory destination) {
    return schedule(plan, source, destination, PoolObservations.none());
  }

  /**
   * The plan with the schedule attached, links less the traffic in {@code observations}; a plan
   * with nothing movable comes back unchanged.
   */
  public MigrationPlan schedule(
      MigrationPlan plan,
      PoolInventory source,
      PoolInventory destination,
      PoolObservations observations) {
    // The topology fits the journal's moves (per-VM dirtying, per-pair stream rates): the
    // estimator reads the fitted figures.
    Topology topology = topology(plan, source, destination, observations);
    DirtyRateEstimator estimator = new DirtyRateEstimator(topology.calibration());
    List<MoveDemand> moves =
        MirroredWrites.apply(
            PlanScheduling.demands(plan, source, new MoveDemands(estimator)),
            observations,
            topology);
    if (moves.isEmpty()) {
      return plan;
    }
    SchedulerPolicy policy = SchedulerPolicy.defaults();
    Schedule schedule = new Scheduler(topology, policy, objective).schedule(moves);
    ImmutableMap<String, MoveInterval> intervals =
        MoveIntervals.of(moves, List.of(source, destination), estimator, topology, policy.model());
    MigrationPlan scheduled = withIntervals(PlanScheduling.attach(plan, schedule), intervals);
    return scheduled.withSchedule(
        scheduled.moves(),
        new PlanSchedule(
            schedule.heuristic(),
            schedule.makespanSeconds(),
            schedule.lowerBound().seconds(),
            schedule.totalDowntimeSeconds(),
            intervals.isEmpty() ? null : makespanAt(scheduled.moves(), true),
            intervals.isEmpty() ? null : makespanAt(scheduled.moves(), false)));
  }

  /**
   * Each move's p10 and p90 durations: the interval's p10 and p90 scaled by the scheduled duration
   * over the solo p50 (the schedule shares links, the interval predicts the move alone).
   */
  private static MigrationPlan withIntervals(
      MigrationPlan plan, ImmutableMap<String, MoveInterval> intervals) {
    List<MovePlan> moves = new ArrayList<>();
    for (MovePlan move : plan.moves()) {
      MoveInterval interval = intervals.get(move.vmUuid());
      MoveSchedule schedule = move.schedule();
      if (interval == null || !schedule.scheduled() || interval.p50Seconds() <= 0) {
        moves.add(move);
        continue;
      }
      double scale = schedule.durationSeconds() / interval.p50Seconds();
      moves.add(
          move.withSchedule(
              schedule.withInterval(interval.p10Seconds() * scale, interval.p90Seconds() * scale)));
    }
    return plan.withMoves(moves);
  }

  /**
   * The makespan's low ({@code p10}) or high end: the latest start plus p10 (p90) duration over the
   * scheduled moves, a move without an interval counting its plain duration.
   */
  private static double makespanAt(List<MovePlan> moves, boolean p10) {
    double end = 0;
    for (MovePlan move : moves) {
      MoveSchedule schedule = move.schedule();
      if (!schedule.scheduled()) {
        continue;
      }
      double duration =
          !schedule.hasInterval()
              ? schedule.durationSeconds()
              : p10 ? schedule.durationP10Seconds() : schedule.durationP90Seconds();
      end = Math.max(end, schedule.startSeconds() + duration);
    }
    return end;
  }

  private Topology topology(
      MigrationPlan plan,
      PoolInventory source,
      PoolInventory destination,
      PoolObservations observations) {
    Set<String> networks = new HashSet<>();
    plan.moves().forEach(move -> networks.add(move.transferNetworkUuid()));
    return InventoryTopology.of(List.of(source, destination), networks, calibration, observations);
  }
}

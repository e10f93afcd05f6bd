package io.xemigrate.plugin.planning;

import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.PlanSchedule;
import io.xemigrate.planner.plan.PlanScheduling;
import io.xemigrate.planner.predict.CalibrationObservations;
import io.xemigrate.planner.predict.DirtyRateEstimator;
import io.xemigrate.planner.predict.MoveDemand;
import io.xemigrate.planner.predict.MoveDemands;
import io.xemigrate.planner.schedule.HostLink;
import io.xemigrate.planner.schedule.Schedule;
import io.xemigrate.planner.schedule.Scheduler;
import io.xemigrate.planner.schedule.SchedulerPolicy;
import io.xemigrate.planner.schedule.Topology;
import io.xemigrate.storage.estimate.DiskCopyEstimator;
import io.xemigrate.xapi.model.PoolInventory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Attaches the predictor's and scheduler's output to a plan: per move the queue position, predicted
 * start, duration, downtime and predecessors (the planner's {@link PlanScheduling}), for the plan
 * the makespan and its lower bound ({@link PlanSchedule}). Blocked moves stay unscheduled.
 *
 * <p>xapi does not report NIC speeds, so every host's transfer NIC is taken as 10 GbE and one
 * stream at most {@link #STREAM_CAP_BYTES_PER_SECOND} (the tunnelled-encryption figure of
 * migration-physics.md §4.1); SRs are unmeasured (120 MB/s) until calibration says otherwise.
 */
public final class PlanScheduler {
  /** 10 GbE in bytes per second. */
  public static final double NIC_BYTES_PER_SECOND = 1.25e9;

  public static final double STREAM_CAP_BYTES_PER_SECOND = 250e6;

  private final CalibrationObservations calibration;

  public PlanScheduler(CalibrationObservations calibration) {
    this.calibration = calibration;
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
        new Scheduler(topology(source, destination), SchedulerPolicy.defaults()).schedule(moves);
    MigrationPlan scheduled = PlanScheduling.attach(plan, schedule);
    return scheduled.withSchedule(
        scheduled.moves(),
        new PlanSchedule(
            schedule.heuristic(),
            schedule.makespanSeconds(),
            schedule.lowerBound().seconds(),
            schedule.totalDowntimeSeconds()));
  }

  private Topology topology(PoolInventory source, PoolInventory destination) {
    Map<String, HostLink> hosts = new HashMap<>();
    for (PoolInventory pool : List.of(source, destination)) {
      pool.hosts()
          .keySet()
          .forEach(
              host ->
                  hosts.put(host, new HostLink(host, pool.pool().uuid(), NIC_BYTES_PER_SECOND)));
    }
    return new Topology(
        hosts, STREAM_CAP_BYTES_PER_SECOND, DiskCopyEstimator.defaults(), calibration);
  }
}

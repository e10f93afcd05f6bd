package io.xemigrate.plugin.planning;

import com.google.common.collect.ImmutableList;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.planner.plan.MoveSchedule;
import io.xemigrate.planner.plan.PlanSchedule;
import io.xemigrate.planner.plan.Verdict;
import io.xemigrate.planner.predict.CalibrationObservations;
import io.xemigrate.planner.predict.DirtyRateEstimator;
import io.xemigrate.planner.predict.MoveDemand;
import io.xemigrate.planner.predict.MoveDemands;
import io.xemigrate.planner.schedule.HostLink;
import io.xemigrate.planner.schedule.Schedule;
import io.xemigrate.planner.schedule.ScheduledMove;
import io.xemigrate.planner.schedule.Scheduler;
import io.xemigrate.planner.schedule.SchedulerPolicy;
import io.xemigrate.planner.schedule.Topology;
import io.xemigrate.storage.estimate.DiskCopy;
import io.xemigrate.storage.estimate.DiskCopyEstimator;
import io.xemigrate.storage.mapping.DiskMapping;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.Vm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Attaches the predictor's and scheduler's output to a plan: per move the predicted start,
 * duration, downtime and predecessors ({@link MoveSchedule}), for the plan the makespan and its
 * lower bound ({@link PlanSchedule}). Blocked moves stay unscheduled.
 *
 * <p>xapi does not report NIC speeds, so every host's transfer NIC is taken as 10 GbE and one
 * stream at most {@link #STREAM_CAP_BYTES_PER_SECOND} (the tunnelled-encryption figure of
 * migration-physics.md §4.1); SRs are unmeasured (120 MB/s) until calibration says otherwise.
 */
public final class PlanScheduling {
  /** 10 GbE in bytes per second. */
  public static final double NIC_BYTES_PER_SECOND = 1.25e9;

  public static final double STREAM_CAP_BYTES_PER_SECOND = 250e6;

  private final CalibrationObservations calibration;

  public PlanScheduling(CalibrationObservations calibration) {
    this.calibration = calibration;
  }

  /** The plan with the schedule attached; a plan with nothing movable comes back unchanged. */
  public MigrationPlan schedule(
      MigrationPlan plan, PoolInventory source, PoolInventory destination) {
    MoveDemands demands = new MoveDemands(new DirtyRateEstimator(calibration));
    List<MoveDemand> moves = new ArrayList<>();
    int priority = 0;
    for (MovePlan move : plan.moves()) {
      if (move.verdict() != Verdict.OK) {
        continue;
      }
      Vm vm = source.vm(move.vmUuid()).orElseThrow();
      List<DiskCopy> disks =
          move.disks().stream()
              .filter(DiskMapping::moves)
              .map(
                  disk ->
                      new DiskCopy(
                          disk.vdiUuid(),
                          disk.bytesOnDestination(),
                          disk.sourceSrUuid(),
                          disk.destinationSrUuid()))
              .toList();
      moves.add(demands.of(vm, move.destinationHostUuid(), disks, !plan.intraPool(), priority++));
    }
    if (moves.isEmpty()) {
      return plan;
    }
    Schedule schedule =
        new Scheduler(topology(source, destination), SchedulerPolicy.defaults()).schedule(moves);
    Map<String, ScheduledMove> byVm = new HashMap<>();
    schedule.queue().forEach(scheduled -> byVm.put(scheduled.vmUuid(), scheduled));
    List<MovePlan> scheduledMoves =
        plan.moves().stream()
            .map(move -> attach(move, byVm.get(move.vmUuid())))
            .collect(ImmutableList.toImmutableList());
    return plan.withSchedule(
        scheduledMoves,
        new PlanSchedule(
            schedule.heuristic(),
            schedule.makespanSeconds(),
            schedule.lowerBound().seconds(),
            schedule.totalDowntimeSeconds()));
  }

  private static MovePlan attach(MovePlan move, ScheduledMove scheduled) {
    if (scheduled == null) {
      return move;
    }
    return move.withSchedule(
        new MoveSchedule(
            scheduled.sequence(),
            Math.round(scheduled.durationSeconds()),
            Math.round(scheduled.downtimeSeconds() * 1000),
            scheduled.startSeconds(),
            scheduled.predecessors()));
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

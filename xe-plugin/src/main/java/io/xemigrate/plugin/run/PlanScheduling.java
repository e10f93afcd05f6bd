package io.xemigrate.plugin.run;

import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.planner.plan.MoveSchedule;
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
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.Vm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Schedules a plan's movable moves with the planner's {@link Scheduler} and writes each move's
 * predicted duration and downtime back into the plan.
 *
 * <p>Assumptions until the journal's calibration says otherwise: every host has a 10 Gbit/s
 * transfer NIC, one stream carries at most 2 Gbit/s (tunnelled encryption, migration-physics.md
 * §4.1), SR throughputs are the storage estimator's defaults.
 */
public final class PlanScheduling {
  /** 10 Gbit/s in bytes per second. */
  public static final double DEFAULT_NIC_BYTES_PER_SECOND = 1.25e9;

  /** 2 Gbit/s in bytes per second. */
  public static final double DEFAULT_STREAM_CAP_BYTES_PER_SECOND = 250e6;

  /** The plan with schedules attached, and the schedule (its queue orders the run). */
  public record Scheduled(MigrationPlan plan, Schedule schedule) {}

  private PlanScheduling() {}

  public static Scheduled schedule(
      MigrationPlan plan, PoolInventory source, PoolInventory destination) {
    Map<String, HostLink> hosts = new HashMap<>();
    for (PoolInventory pool : List.of(source, destination)) {
      pool.hosts()
          .keySet()
          .forEach(
              host ->
                  hosts.put(
                      host, new HostLink(host, pool.pool().uuid(), DEFAULT_NIC_BYTES_PER_SECOND)));
    }
    Topology topology =
        new Topology(
            hosts,
            DEFAULT_STREAM_CAP_BYTES_PER_SECOND,
            DiskCopyEstimator.defaults(),
            CalibrationObservations.none());
    MoveDemands demands = new MoveDemands(new DirtyRateEstimator(CalibrationObservations.none()));
    List<MoveDemand> moves = new ArrayList<>();
    for (MovePlan move : plan.moves()) {
      if (move.verdict() != Verdict.OK) {
        continue;
      }
      Vm vm = source.vm(move.vmUuid()).orElseThrow();
      List<DiskCopy> disks = new ArrayList<>();
      move.disks().stream()
          .filter(disk -> disk.moves())
          .forEach(
              disk ->
                  source
                      .vdi(disk.vdiUuid())
                      .ifPresent(vdi -> disks.add(DiskCopy.of(vdi, disk.destinationSrUuid()))));
      moves.add(demands.of(vm, move.destinationHostUuid(), disks, !plan.intraPool(), 0));
    }
    Schedule schedule = new Scheduler(topology, SchedulerPolicy.defaults()).schedule(moves);
    Map<String, ScheduledMove> byVm = new HashMap<>();
    schedule.queue().forEach(move -> byVm.put(move.vmUuid(), move));
    List<MovePlan> scheduled = new ArrayList<>();
    for (MovePlan move : plan.moves()) {
      ScheduledMove slot = byVm.get(move.vmUuid());
      scheduled.add(
          slot == null
              ? move
              : move.withSchedule(
                  new MoveSchedule(
                      slot.slot(),
                      Math.round(slot.durationSeconds()),
                      Math.round(slot.downtimeSeconds() * 1000))));
    }
    return new Scheduled(plan.withMoves(scheduled), schedule);
  }
}

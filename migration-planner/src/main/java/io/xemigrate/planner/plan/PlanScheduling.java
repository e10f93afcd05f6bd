package io.xemigrate.planner.plan;

import io.xemigrate.planner.predict.MoveDemand;
import io.xemigrate.planner.predict.MoveDemands;
import io.xemigrate.planner.schedule.Schedule;
import io.xemigrate.planner.schedule.ScheduledMove;
import io.xemigrate.storage.estimate.DiskCopy;
import io.xemigrate.storage.mapping.DiskMapping;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.Vdi;
import io.xemigrate.xapi.model.Vm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The glue between a plan and the scheduler: the moves that can go ahead become the scheduler's
 * {@link MoveDemand}s, and a {@link Schedule} comes back as each move's {@link MoveSchedule}.
 * Blocked moves are not scheduled and keep {@link MoveSchedule#unscheduled()}.
 */
public final class PlanScheduling {
  private PlanScheduling() {}

  /**
   * The scheduler's input: one demand per movable VM, with the disks the plan copies (in the plan's
   * order) at their allocated size.
   *
   * @param source the inventory the plan was made from
   */
  public static List<MoveDemand> demands(
      MigrationPlan plan, PoolInventory source, MoveDemands demands) {
    List<MoveDemand> result = new ArrayList<>();
    for (MovePlan move : plan.moves()) {
      if (move.verdict() != Verdict.OK) {
        continue;
      }
      Vm vm = source.vms().get(move.vmUuid());
      if (vm == null) {
        throw new IllegalArgumentException("the plan's VM " + move.vmUuid() + " is not in source");
      }
      List<DiskCopy> copies = new ArrayList<>();
      for (DiskMapping disk : move.disks()) {
        Vdi vdi = source.vdis().get(disk.vdiUuid());
        if (disk.moves() && vdi != null) {
          copies.add(DiskCopy.of(vdi, disk.destinationSrUuid()));
        }
      }
      result.add(demands.of(vm, move.destinationHostUuid(), copies, !plan.intraPool(), 0));
    }
    return result;
  }

  /** The plan with each scheduled move's place in the queue and predicted figures attached. */
  public static MigrationPlan attach(MigrationPlan plan, Schedule schedule) {
    Map<String, ScheduledMove> byVm = new HashMap<>();
    schedule.queue().forEach(scheduled -> byVm.put(scheduled.vmUuid(), scheduled));
    List<MovePlan> moves = new ArrayList<>();
    for (MovePlan move : plan.moves()) {
      ScheduledMove scheduled = byVm.get(move.vmUuid());
      moves.add(
          scheduled == null
              ? move.withSchedule(MoveSchedule.unscheduled())
              : move.withSchedule(
                  new MoveSchedule(
                      scheduled.sequence(),
                      scheduled.slot(),
                      scheduled.predecessors(),
                      scheduled.startSeconds(),
                      scheduled.durationSeconds(),
                      scheduled.downtimeSeconds(),
                      scheduled.converged(),
                      null,
                      null)));
    }
    return plan.withMoves(moves);
  }
}

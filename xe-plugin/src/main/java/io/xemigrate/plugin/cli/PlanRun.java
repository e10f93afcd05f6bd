package io.xemigrate.plugin.cli;

import io.xemigrate.coordinator.planning.PlanScheduler;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.xapi.model.PoolInventory;

/**
 * What the commands that plan and apply in one go ({@code host-evacuate}, {@code vm-migrate}) share
 * once the planner has spoken: schedule, show, ask, apply through the run coordinator. A plan with
 * blocked VMs applies the movable ones and exits 3 so that scripts notice what stayed.
 */
final class PlanRun {
  private PlanRun() {}

  /** Schedules a fresh plan, calibrated by the journal's completed moves, as planning does. */
  static MigrationPlan schedule(
      MigrationPlan plan, PoolInventory source, PoolInventory destination) {
    return new PlanScheduler(RunSession.calibration()).schedule(plan, source, destination);
  }

  /**
   * Shows {@code plan}, asks {@code question} unless {@code yes}, and applies it.
   *
   * @param nothingMovable the one-line error when no VM of the plan can move
   */
  static ExitCode showAskApply(
      MigrationPlan plan,
      PoolParameters pools,
      Console console,
      boolean yes,
      String question,
      String nothingMovable) {
    return showAskApply(
        plan,
        pools,
        console,
        yes,
        question,
        nothingMovable,
        (runId, journal, coordinator, source, destination) -> coordinator.apply(runId, plan));
  }

  /** As above, the run started by {@code start} (which may act on the pools around it). */
  static ExitCode showAskApply(
      MigrationPlan plan,
      PoolParameters pools,
      Console console,
      boolean yes,
      String question,
      String nothingMovable,
      PlanApplyCommand.RunStart start) {
    if (!console.json()) {
      PlanApplyCommand.show(plan, console);
    }
    if (plan.movableCount() == 0) {
      console.error(nothingMovable);
      return ExitCode.BLOCKED;
    }
    if (!Confirmation.confirmed(yes, console, question)) {
      return ExitCode.BAD_INPUT;
    }
    ExitCode applied = PlanApplyCommand.apply(plan, pools, console, start);
    if (applied == ExitCode.DONE && plan.movableCount() < plan.moves().size()) {
      return ExitCode.BLOCKED;
    }
    return applied;
  }
}

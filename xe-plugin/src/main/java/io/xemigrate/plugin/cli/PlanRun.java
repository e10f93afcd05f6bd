package io.xemigrate.plugin.cli;

import io.xemigrate.coordinator.batch.BatchRun;
import io.xemigrate.coordinator.batch.PreparedRun;
import io.xemigrate.coordinator.journal.StoreLocation;
import io.xemigrate.coordinator.planning.PlanScheduler;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.planner.plan.Verdict;
import io.xemigrate.planner.schedule.Objective;
import io.xemigrate.planner.schedule.PoolObservations;
import io.xemigrate.xapi.model.PoolInventory;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * What the commands that plan and apply in one go ({@code host-evacuate}, {@code vm-migrate}) share
 * once the planner has spoken: schedule, show, ask, apply through the run coordinator. A plan with
 * blocked VMs applies the movable ones and exits 3 so that scripts notice what stayed.
 */
final class PlanRun {
  private PlanRun() {}

  /**
   * Schedules a fresh plan, calibrated by the completed moves of the journal in {@code store}
   * (where the run will be journaled), as planning does.
   */
  static MigrationPlan schedule(
      MigrationPlan plan, PoolInventory source, PoolInventory destination, StoreLocation store) {
    return schedule(plan, source, destination, PoolObservations.none(), Objective.BALANCED, store);
  }

  /**
   * As above, on the links left by the traffic the pools' RRDs showed, favouring {@code objective}.
   */
  static MigrationPlan schedule(
      MigrationPlan plan,
      PoolInventory source,
      PoolInventory destination,
      PoolObservations observations,
      Objective objective,
      StoreLocation store) {
    return new PlanScheduler(RunSession.calibration(store), objective)
        .schedule(plan, source, destination, observations);
  }

  /**
   * Shows {@code plan}, asks {@code question} unless {@code yes}, and applies it, journaled in
   * {@code store}.
   *
   * @param nothingMovable the one-line error when no VM of the plan can move
   */
  static ExitCode showAskApply(
      MigrationPlan plan,
      PoolParameters pools,
      StoreLocation store,
      Console console,
      boolean yes,
      String question,
      String nothingMovable) {
    return showAskApply(
        plan,
        pools,
        store,
        console,
        yes,
        question,
        nothingMovable,
        UnaryOperator.identity(),
        run -> {});
  }

  /**
   * As above, the run shaped by {@code shape} (hosts it holds) and reported on by {@code after}.
   */
  static ExitCode showAskApply(
      MigrationPlan plan,
      PoolParameters pools,
      StoreLocation store,
      Console console,
      boolean yes,
      String question,
      String nothingMovable,
      UnaryOperator<BatchRun> shape,
      Consumer<PreparedRun> after) {
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
    ExitCode applied = PlanApplyCommand.apply(plan, pools, store, console, shape, after);
    if (applied == ExitCode.DONE && plan.movableCount() < plan.moves().size()) {
      reportBlocked(plan, console);
      return ExitCode.BLOCKED;
    }
    return applied;
  }

  /**
   * After a run that moved every movable VM: the VMs the checks blocked, each with its codes, and
   * one line on why the exit code is 3.
   */
  static void reportBlocked(MigrationPlan plan, Console console) {
    List<MovePlan> blocked =
        plan.moves().stream().filter(move -> move.verdict() != Verdict.OK).toList();
    if (!console.json()) {
      console.line("blocked by the checks (not moved):");
      blocked.forEach(
          move ->
              console.line(
                  String.format(
                      "  %-14s %s",
                      move.vmName(), String.join(",", PlanApplyCommand.blockerCodes(move)))));
    }
    console
        .err()
        .println(
            "xe-migrate: exit code 3: the movable VMs moved; "
                + blocked.size()
                + " blocked by the checks stayed where they were (see 'vm-migrate-check' for"
                + " why and what to do)");
  }
}

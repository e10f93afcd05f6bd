package io.xemigrate.plugin.cli;

import com.google.common.collect.ImmutableSet;
import io.xemigrate.coordinator.journal.StoreLocation;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.schedule.Objective;

/**
 * {@code vm-migrate vm=... destination=...}: plans the move (as {@code vm-migrate-plan}), schedules
 * it, shows it, asks, and applies it through the run coordinator (see {@link PlanRun}).
 */
final class VmMigrateApplyCommand implements PlanningCommand {
  @Override
  public String name() {
    return "vm-migrate";
  }

  @Override
  public String summary() {
    return "Move VMs: plan, show, ask, apply";
  }

  @Override
  public String synopsis() {
    return "vm-migrate vm=<uuid|name>[,...]|all [destination=<pool>] [source=<pool>] [host=] [sr=]"
        + " [vdi:<uuid>=<sr>] [vif:<uuid|mac>=<network>] [transfer-network=]"
        + " [objective=makespan|downtime|balanced] [yes=true] [pools=FILE] [database=...] [--json]";
  }

  @Override
  public ImmutableSet<String> ownKeys() {
    return ImmutableSet.<String>builder()
        .add("vm", "host", "yes", "objective")
        .addAll(DatabaseArgument.KEYS)
        .build();
  }

  @Override
  public ExitCode run(Arguments arguments, Console console) {
    boolean yes = Parameters.bool("yes", arguments.optional("yes").orElse("false"));
    Objective objective = Parameters.objective(arguments.optional("objective"));
    StoreLocation store = DatabaseArgument.of(arguments);
    PoolParameters pools = CommandSupport.pools(arguments, console);
    VmMigrateCommand.Planned planned = VmMigrateCommand.planVms(arguments, pools);
    VmMigrateCommand.noteInsidePool(arguments, pools, planned, console);
    MigrationPlan plan =
        PlanRun.schedule(
            planned.plan(),
            planned.source(),
            planned.destination(),
            planned.observations(),
            objective,
            store);
    return PlanRun.showAskApply(
        plan,
        pools,
        store,
        console,
        yes,
        "Migrate?",
        "no VM of vm=" + arguments.required("vm") + " can move: see the findings");
  }
}

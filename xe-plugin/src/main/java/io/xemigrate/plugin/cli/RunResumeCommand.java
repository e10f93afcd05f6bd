package io.xemigrate.plugin.cli;

import com.google.common.collect.ImmutableSet;
import io.xemigrate.coordinator.journal.Journal;
import io.xemigrate.coordinator.journal.RunRecord;
import io.xemigrate.coordinator.run.RunSummary;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.PlanJson;

/**
 * {@code run-resume run=ID}: reconciles a run with both pools (a VM found on its destination is
 * done; a step whose outcome is unknown is settled by reading both pools) and finishes it without
 * moving anything twice.
 */
final class RunResumeCommand implements Command {
  @Override
  public String name() {
    return "run-resume";
  }

  @Override
  public String summary() {
    return "Finish an interrupted run, reconciling it with both pools first";
  }

  @Override
  public String synopsis() {
    return "run-resume run=ID [pools=FILE] [--json]";
  }

  @Override
  public ImmutableSet<String> keys() {
    return ImmutableSet.<String>builder().add("run").addAll(PoolParameters.KEYS).build();
  }

  @Override
  public ExitCode run(Arguments arguments, Console console) {
    String runId = arguments.required("run");
    PoolParameters pools = CommandSupport.pools(arguments, console);
    try (Journal journal = RunSession.openJournal()) {
      RunRecord run = RunShowCommand.find(journal, runId);
      MigrationPlan plan = PlanJson.read(run.planJson());
      RunSummary summary =
          RunSession.withCoordinator(
              plan, pools, journal, console, coordinator -> coordinator.resume(runId));
      return RunSession.exitOf(summary);
    }
  }
}

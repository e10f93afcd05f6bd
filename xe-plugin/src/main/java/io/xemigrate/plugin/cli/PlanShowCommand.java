package io.xemigrate.plugin.cli;

import com.google.common.collect.ImmutableSet;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.PlanJson;
import java.nio.file.Path;

/** {@code plan-show plan=}: a plan file as a readable table (or the plan itself with --json). */
final class PlanShowCommand implements Command {

  @Override
  public String name() {
    return "plan-show";
  }

  @Override
  public String summary() {
    return "Show a plan file: moves, maps, findings, predicted times and makespan";
  }

  @Override
  public String synopsis() {
    return "plan-show plan=plan.json [format=table|svg|html out=FILE [by=host|nic]] [--json]";
  }

  @Override
  public ImmutableSet<String> keys() {
    return ImmutableSet.of("plan", "format", "out", "by");
  }

  @Override
  public ExitCode run(Arguments arguments, Console console) {
    MigrationPlan plan = read(Path.of(arguments.required("plan")));
    if (PlanTimelineFile.wanted(arguments)) {
      return PlanTimelineFile.write(plan, arguments, console);
    }
    if (console.json()) {
      console.line(PlanJson.pretty(plan));
    } else {
      console.out().print(PlanShowTable.render(plan));
    }
    return ExitCode.DONE;
  }

  /** Reads a plan file; a missing or malformed file is one line naming it. */
  static MigrationPlan read(Path file) {
    return PlanFile.read(file.toString());
  }
}

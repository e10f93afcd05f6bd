package io.xemigrate.plugin.cli;

import io.xemigrate.coordinator.planning.PlanScheduler;
import io.xemigrate.planner.Finding;
import io.xemigrate.planner.plan.CheckReport;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.planner.plan.PlanHash;
import io.xemigrate.planner.plan.PlanJson;
import io.xemigrate.planner.schedule.Objective;
import io.xemigrate.planner.schedule.PoolObservations;
import io.xemigrate.xapi.model.PoolInventory;
import java.nio.file.Path;
import java.util.Locale;

/** How the check and plan commands end: the verdicts, or the scheduled plan written to a file. */
final class PlanOutput {
  private PlanOutput() {}

  /** {@code --json} of the plan commands: where the plan went and its figures. */
  record Written(
      String plan,
      String hash,
      int moves,
      long movable,
      double makespanSeconds,
      double lowerBoundSeconds) {}

  /** Prints the verdicts; 0 when every VM can move, 3 otherwise. */
  static ExitCode check(MigrationPlan plan, Console console) {
    CheckReport report = CheckReport.of(plan);
    if (console.json()) {
      console.line(Json.write(report));
    } else {
      for (MovePlan move : plan.moves()) {
        console.line(
            String.format(
                Locale.ROOT,
                "%s (%s): %s%s",
                move.vmName(),
                move.vmUuid(),
                move.verdict().name().toLowerCase(Locale.ROOT),
                move.destinationHostName().isEmpty()
                    ? ""
                    : " -> "
                        + move.destinationHostName()
                        + " ("
                        + move.destinationHostUuid()
                        + ")"));
        for (Finding finding : move.findings()) {
          console.line("  " + describe(finding));
        }
      }
      long blocked = plan.moves().size() - plan.movableCount();
      console.line(
          String.format(
              Locale.ROOT,
              "%d of %d VMs can move; %d blocked.",
              plan.movableCount(),
              plan.moves().size(),
              blocked));
    }
    return report.allCanMove() ? ExitCode.DONE : ExitCode.BLOCKED;
  }

  /**
   * Schedules the plan favouring {@code objective}, writes it to {@code out}, prints the table (or
   * a JSON summary).
   */
  static ExitCode write(
      MigrationPlan unscheduled,
      PoolInventory source,
      PoolInventory destination,
      PoolObservations observations,
      Path out,
      Objective objective,
      Console console) {
    MigrationPlan plan =
        new PlanScheduler(RunSession.calibration(), objective)
            .schedule(unscheduled, source, destination, observations);
    new OutputFile("out", out).write(PlanJson.pretty(plan) + "\n", false);
    if (console.json()) {
      console.line(
          Json.write(
              new Written(
                  out.toString(),
                  PlanHash.of(plan),
                  plan.moves().size(),
                  plan.movableCount(),
                  plan.schedule().makespanSeconds(),
                  plan.schedule().lowerBoundSeconds())));
    } else {
      console.out().print(PlanShowTable.render(plan));
      console.line("Plan written to " + out + "; run it with: xe-migrate plan-apply plan=" + out);
    }
    return plan.movableCount() == plan.moves().size() ? ExitCode.DONE : ExitCode.BLOCKED;
  }

  static String describe(Finding finding) {
    return finding.severity().name().toLowerCase(Locale.ROOT)
        + " "
        + finding.code()
        + " "
        + finding.params()
        + ": "
        + finding.message()
        + " Remedy: "
        + finding.remedy();
  }
}

package io.xemigrate.plugin.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableSet;
import io.xemigrate.coordinator.journal.Journal;
import io.xemigrate.coordinator.journal.RunHost;
import io.xemigrate.coordinator.journal.RunRecord;
import io.xemigrate.coordinator.journal.StepRecord;
import io.xemigrate.coordinator.move.MoveState;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.planner.plan.PlanJson;
import java.util.regex.Pattern;

/** {@code run-show run=ID}: a run's moves with their phases and outcome codes. */
final class RunShowCommand implements Command {
  @Override
  public String name() {
    return "run-show";
  }

  @Override
  public String summary() {
    return "Show a run's moves, phases and outcome codes";
  }

  @Override
  public String synopsis() {
    return "run-show run=ID [database=FILE|postgresql://HOST/DB?user=NAME] [--json]";
  }

  @Override
  public ImmutableSet<String> keys() {
    return ImmutableSet.<String>builder().add("run").addAll(DatabaseArgument.KEYS).build();
  }

  @Override
  public ExitCode run(Arguments arguments, Console console) {
    String runId = arguments.required("run");
    try (Journal journal = RunSession.openJournal(arguments)) {
      RunRecord run = find(journal, runId);
      MigrationPlan plan = PlanJson.read(run.planJson());
      ObjectNode root =
          new ObjectMapper()
              .createObjectNode()
              .put("run", run.runId())
              .put("status", run.status().name())
              .put("plan", run.planHash());
      ArrayNode moves = root.putArray("moves");
      if (!console.json()) {
        console.line(run.runId() + ": " + run.status() + " (" + plan.request() + ")");
      }
      for (MoveState move : journal.moves(runId)) {
        String name = plan.move(move.vmUuid()).map(MovePlan::vmName).orElse(move.vmUuid());
        ObjectNode entry =
            moves
                .addObject()
                .put("vm", move.vmUuid())
                .put("name", name)
                .put("phase", move.phase().name())
                .put("code", move.outcomeCode());
        move.outcomeParams().forEach(entry.putArray("params")::add);
        if (!console.json()) {
          console.line(
              String.format(
                  "  %-20s %-16s %s %s",
                  name, move.phase(), move.outcomeCode(), String.join(" ", move.outcomeParams())));
        }
      }
      // The hosts the run disabled (host-evacuate): whether they are still held, for host-restore.
      ArrayNode hosts = root.putArray("hosts");
      for (RunHost host : journal.hosts(runId)) {
        hosts.addObject().put("host", host.hostUuid()).put("state", host.state().name());
        if (!console.json()) {
          console.line(String.format("  host %s %s", host.hostUuid(), host.state()));
        }
      }
      // Re-plans of the waiting moves (a running move slower than planned), oldest first.
      ArrayNode replans = root.putArray("replans");
      for (StepRecord step : journal.steps(runId)) {
        if (step.action().equals("Replan")) {
          replans
              .addObject()
              .put("at", step.at().toString())
              .put("vm", step.vmUuid())
              .put("note", step.detail());
          if (!console.json()) {
            console.line("  re-planned at " + step.at() + ": " + step.detail());
          }
        }
      }
      if (console.json()) {
        console.line(root.toString());
      }
      return ExitCode.DONE;
    }
  }

  /**
   * Run ids are made by xe-migrate ({@code run-20261126-071500}): letters, digits, dots, dashes and
   * underscores. Anything else is a typo or a pasted fragment, not a run to look for.
   */
  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  static RunRecord find(Journal journal, String runId) {
    if (!RUN_ID.matcher(runId).matches()) {
      throw new UsageException(
          "malformed run id '"
              + runId
              + "' in run=: run ids look like run-20261126-071500 (see 'xe-migrate run-list')");
    }
    return journal
        .run(runId)
        .orElseThrow(
            () ->
                new UsageException(
                    "unknown run '" + runId + "' in run=: see 'xe-migrate run-list'"));
  }
}

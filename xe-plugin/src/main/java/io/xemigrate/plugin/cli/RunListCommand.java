package io.xemigrate.plugin.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.google.common.collect.ImmutableSet;
import io.xemigrate.coordinator.journal.Journal;
import io.xemigrate.coordinator.journal.RunRecord;

/** {@code run-list}: every journaled run, newest first. */
final class RunListCommand implements Command {
  @Override
  public String name() {
    return "run-list";
  }

  @Override
  public String summary() {
    return "List the journaled runs, newest first";
  }

  @Override
  public String synopsis() {
    return "run-list [database=FILE|postgresql://HOST/DB?user=NAME] [--json]";
  }

  @Override
  public ImmutableSet<String> keys() {
    return DatabaseArgument.KEYS;
  }

  @Override
  public ExitCode run(Arguments arguments, Console console) {
    try (Journal journal = RunSession.openJournal(arguments)) {
      ArrayNode runs = new ObjectMapper().createArrayNode();
      for (RunRecord run : journal.runs()) {
        long moves = journal.moves(run.runId()).size();
        if (console.json()) {
          runs.addObject()
              .put("run", run.runId())
              .put("created", run.createdAt().toString())
              .put("status", run.status().name())
              .put("moves", moves);
        } else {
          console.line(
              String.format(
                  "%-22s %-24s %-16s %d moves", run.runId(), run.createdAt(), run.status(), moves));
        }
      }
      if (console.json()) {
        console.line(runs.toString());
      } else if (journal.runs().isEmpty()) {
        console.line("no runs yet: plan-apply, vm-migrate and host-evacuate record theirs here");
      }
      return ExitCode.DONE;
    }
  }
}

package io.xemigrate.plugin.cli;

import com.google.common.collect.ImmutableSet;
import io.xemigrate.coordinator.journal.Journal;
import io.xemigrate.coordinator.journal.RunRecord;
import java.util.Locale;

/**
 * {@code run-cancel run=ID}: marks a journaled run CANCELLED so that {@code run-resume} does not
 * start its moves that were not handed off yet. It acts on the journal only: a run going on in
 * another process polls nothing and is not stopped by it (Ctrl-C stops that one); moves already
 * handed off to xapi are settled by {@code run-resume}.
 */
final class RunCancelCommand implements Command {
  @Override
  public String name() {
    return "run-cancel";
  }

  @Override
  public String summary() {
    return "Cancel an interrupted run: run-resume then starts none of its waiting moves";
  }

  @Override
  public String synopsis() {
    return "run-cancel run=ID [database=FILE|postgresql://HOST/DB?user=NAME] [--json]";
  }

  @Override
  public ImmutableSet<String> keys() {
    return ImmutableSet.<String>builder().add("run").addAll(DatabaseArgument.KEYS).build();
  }

  @Override
  public ExitCode run(Arguments arguments, Console console) {
    String runId = arguments.required("run");
    try (Journal journal = RunSession.openJournal(arguments)) {
      RunRecord run = RunShowCommand.find(journal, runId);
      return switch (run.status()) {
        case RUNNING, NEEDS_RECONCILE -> cancel(journal, runId, console);
        case SUCCEEDED, FAILED, CANCELLED -> {
          console.error(
              "run '"
                  + runId
                  + "' in run= is already "
                  + run.status().name().toLowerCase(Locale.ROOT)
                  + ": nothing to cancel");
          yield ExitCode.BAD_INPUT;
        }
      };
    }
  }

  /** The {@code --json} output. */
  record Cancelled(String run, String status, int cancelledMoves) {}

  private static ExitCode cancel(Journal journal, String runId, Console console) {
    int cancelled = journal.cancelRun(runId);
    if (console.json()) {
      console.line(Json.write(new Cancelled(runId, "cancelled", cancelled)));
    } else {
      console.line(
          "run "
              + runId
              + ": "
              + cancelled
              + " waiting moves cancelled; run-resume settles the ones already handed off");
    }
    return ExitCode.DONE;
  }
}

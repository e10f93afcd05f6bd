package io.xemigrate.coordinator.run;

import com.google.common.collect.ImmutableList;
import io.xemigrate.coordinator.journal.Journal;
import io.xemigrate.coordinator.journal.RunRecord;
import io.xemigrate.coordinator.journal.RunRecord.RunStatus;
import io.xemigrate.coordinator.move.MoveState;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.PlanJson;

/** A run as the journal holds it: its status, its plan and the state of each move. */
public record JournaledRun(
    String runId, RunStatus status, MigrationPlan plan, ImmutableList<MoveState> moves) {

  /** Every run of the journal whose plan can be read, newest first. */
  public static ImmutableList<JournaledRun> all(Journal journal) {
    ImmutableList.Builder<JournaledRun> runs = ImmutableList.builder();
    for (RunRecord run : journal.runs()) {
      try {
        runs.add(of(journal, run));
      } catch (RuntimeException unreadable) {
        // A plan this version cannot read ties nothing to anything: leave its run alone.
      }
    }
    return runs.build();
  }

  public static JournaledRun of(Journal journal, RunRecord run) {
    return new JournaledRun(
        run.runId(), run.status(), PlanJson.read(run.planJson()), journal.moves(run.runId()));
  }

  /** Whether the run has ended (a run still RUNNING may be going on in another process). */
  public boolean finished() {
    return switch (status) {
      case SUCCEEDED, FAILED, CANCELLED, NEEDS_RECONCILE -> true;
      case RUNNING -> false;
    };
  }
}

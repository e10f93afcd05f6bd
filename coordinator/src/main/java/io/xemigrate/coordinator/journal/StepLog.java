package io.xemigrate.coordinator.journal;

import com.google.common.collect.ImmutableList;
import io.xemigrate.coordinator.journal.StepRecord.Stage;
import io.xemigrate.coordinator.move.MoveState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The journal's step log (table {@code steps}): an intent before each action and its completion
 * after it, each written with the move's state in one transaction; an intent without completion is
 * what a crash interrupted.
 */
final class StepLog {
  private final JournalDatabase database;
  private final RunStore runs;
  private final Clock clock;

  StepLog(JournalDatabase database, RunStore runs, Clock clock) {
    this.database = database;
    this.runs = runs;
    this.clock = clock;
  }

  /**
   * Writes the intent of a step and the move's state it acts from (one transaction), before the
   * action runs. Returns the step's id. Saving the state here matters for a crash between the call
   * and its completion: a resumed move then starts from the phase the call put it in (for {@code
   * StartMigration}, MIGRATING: handed off, never sent again).
   */
  public long intend(String runId, MoveState state, String action) {
    long[] id = new long[1];
    database.inTransaction(
        () -> {
          try (PreparedStatement insert =
              database
                  .connection()
                  .prepareStatement(
                      "INSERT INTO steps (run_id, vm_uuid, phase, action, stage, detail, at)"
                          + " VALUES (?, ?, ?, ?, ?, '', ?)",
                      Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, runId);
            insert.setString(2, state.vmUuid());
            insert.setString(3, state.phase().name());
            insert.setString(4, action);
            insert.setString(5, Stage.INTENT.name());
            insert.setString(6, clock.instant().toString());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
              keys.next();
              id[0] = keys.getLong(1);
            }
          }
          runs.writeMove(runId, state, clock.instant());
        });
    return id[0];
  }

  /**
   * Writes a step that calls nothing and changes no move's state (a re-plan of the run's waiting
   * moves), already DONE, with its note.
   */
  public void note(String runId, String vmUuid, String phase, String action, String detail) {
    database.inTransaction(
        () -> {
          try (PreparedStatement insert =
              database
                  .connection()
                  .prepareStatement(
                      "INSERT INTO steps (run_id, vm_uuid, phase, action, stage, detail, at)"
                          + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, runId);
            insert.setString(2, vmUuid);
            insert.setString(3, phase);
            insert.setString(4, action);
            insert.setString(5, Stage.DONE.name());
            insert.setString(6, detail);
            insert.setString(7, clock.instant().toString());
            insert.executeUpdate();
          }
        });
  }

  /** Completes a step and saves the move's new state, in one transaction. */
  public void complete(long stepId, String runId, MoveState next, Stage stage, String detail) {
    if (stage == Stage.INTENT) {
      throw new IllegalArgumentException("a step completes as DONE or FAILED");
    }
    database.inTransaction(
        () -> {
          try (PreparedStatement update =
              database
                  .connection()
                  .prepareStatement("UPDATE steps SET stage = ?, detail = ? WHERE id = ?")) {
            update.setString(1, stage.name());
            update.setString(2, detail);
            update.setLong(3, stepId);
            update.executeUpdate();
          }
          runs.writeMove(runId, next, clock.instant());
        });
  }

  /** Steps whose intent was written but whose completion was not: what a crash interrupted. */
  public ImmutableList<StepRecord> unfinishedSteps(String runId) {
    return steps("SELECT * FROM steps WHERE run_id = ? AND stage = 'INTENT' ORDER BY id", runId);
  }

  /** Every step of a run, in order. */
  public ImmutableList<StepRecord> steps(String runId) {
    return steps("SELECT * FROM steps WHERE run_id = ? ORDER BY id", runId);
  }

  private ImmutableList<StepRecord> steps(String sql, String runId) {
    return database.query(
        sql,
        rows -> {
          List<StepRecord> steps = new ArrayList<>();
          while (rows.next()) {
            steps.add(
                new StepRecord(
                    rows.getLong("id"),
                    rows.getString("run_id"),
                    rows.getString("vm_uuid"),
                    rows.getString("phase"),
                    rows.getString("action"),
                    Stage.valueOf(rows.getString("stage")),
                    rows.getString("detail"),
                    Instant.parse(rows.getString("at"))));
          }
          return ImmutableList.copyOf(steps);
        },
        runId);
  }
}

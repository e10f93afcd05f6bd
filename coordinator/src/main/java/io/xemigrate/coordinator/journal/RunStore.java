package io.xemigrate.coordinator.journal;

import com.google.common.collect.ImmutableList;
import io.xemigrate.coordinator.journal.RunRecord.RunStatus;
import io.xemigrate.coordinator.move.MoveOutcomes;
import io.xemigrate.coordinator.move.MovePhase;
import io.xemigrate.coordinator.move.MoveState;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The journal's runs (table {@code runs}: plan and status) and the current state of each move
 * (table {@code moves}).
 */
final class RunStore {
  /** Parameters are joined with this separator, which no xapi parameter contains. */
  private static final String PARAM_SEPARATOR = "\u001f";

  private final JournalDatabase database;
  private final Clock clock;

  RunStore(JournalDatabase database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** Records a new run with every move PENDING, in one transaction. */
  public void startRun(String runId, String planHash, String planJson, List<String> vmUuids) {
    database.inTransaction(
        () -> {
          Instant now = clock.instant();
          try (PreparedStatement run =
              database.connection().prepareStatement("INSERT INTO runs VALUES (?, ?, ?, ?, ?)")) {
            run.setString(1, runId);
            run.setString(2, now.toString());
            run.setString(3, planHash);
            run.setString(4, planJson);
            run.setString(5, RunStatus.RUNNING.name());
            run.executeUpdate();
          }
          for (String vm : vmUuids) {
            writeMove(runId, MoveState.pending(vm), now);
          }
        });
  }

  /** Saves a move's state without a step (a transition that needs no action). */
  void saveMove(String runId, MoveState state) {
    database.inTransaction(() -> writeMove(runId, state, clock.instant()));
  }

  public void finishRun(String runId, RunStatus status) {
    database.inTransaction(
        () -> {
          try (PreparedStatement update =
              database
                  .connection()
                  .prepareStatement("UPDATE runs SET status = ? WHERE run_id = ?")) {
            update.setString(1, status.name());
            update.setString(2, runId);
            update.executeUpdate();
          }
        });
  }

  /**
   * Marks a run cancelled by the user (run-cancel): its moves that were not handed off to xapi
   * (PENDING, RECEIVING, VALIDATING) become CANCELLED, so that a resume does not start them, and
   * the run becomes CANCELLED. Moves already handed off keep their phase: a resume settles them by
   * where the VM is. Returns how many moves were cancelled.
   */
  public int cancelRun(String runId) {
    int[] cancelled = new int[1];
    database.inTransaction(
        () -> {
          try (PreparedStatement moves =
                  database
                      .connection()
                      .prepareStatement(
                          "UPDATE moves SET phase = ?, outcome_code = ?, outcome_params = '',"
                              + " updated_at = ? WHERE run_id = ?"
                              + " AND (phase IN (?, ?, ?) OR (phase = ? AND outcome_code = ?))");
              PreparedStatement run =
                  database
                      .connection()
                      .prepareStatement("UPDATE runs SET status = ? WHERE run_id = ?")) {
            moves.setString(1, MovePhase.CANCELLED.name());
            moves.setString(2, Journal.USER_CANCELLED);
            moves.setString(3, clock.instant().toString());
            moves.setString(4, runId);
            moves.setString(5, MovePhase.PENDING.name());
            moves.setString(6, MovePhase.RECEIVING.name());
            moves.setString(7, MovePhase.VALIDATING.name());
            // Moves an interrupt stopped would start again on resume: cancelled now for good.
            moves.setString(8, MovePhase.CANCELLED.name());
            moves.setString(9, MoveOutcomes.INTERRUPTED);
            cancelled[0] = moves.executeUpdate();
            run.setString(1, RunStatus.CANCELLED.name());
            run.setString(2, runId);
            run.executeUpdate();
          }
        });
    return cancelled[0];
  }

  public Optional<RunRecord> run(String runId) {
    List<RunRecord> runs = queryRuns("SELECT * FROM runs WHERE run_id = ?", runId);
    return runs.stream().findFirst();
  }

  /** Every run, newest first. */
  public ImmutableList<RunRecord> runs() {
    return ImmutableList.copyOf(queryRuns("SELECT * FROM runs ORDER BY created_at DESC, run_id"));
  }

  /** The moves of a run, in VM UUID order. */
  public ImmutableList<MoveState> moves(String runId) {
    return database.query(
        "SELECT * FROM moves WHERE run_id = ? ORDER BY vm_uuid",
        rows -> {
          List<MoveState> moves = new ArrayList<>();
          while (rows.next()) {
            String params = rows.getString("outcome_params");
            moves.add(
                new MoveState(
                    rows.getString("vm_uuid"),
                    MovePhase.valueOf(rows.getString("phase")),
                    rows.getInt("slot_waits"),
                    rows.getInt("reattach_attempts"),
                    rows.getString("outcome_code"),
                    params.isEmpty()
                        ? ImmutableList.of()
                        : ImmutableList.copyOf(params.split(PARAM_SEPARATOR, -1))));
          }
          return ImmutableList.copyOf(moves);
        },
        runId);
  }

  void writeMove(String runId, MoveState state, Instant now) throws SQLException {
    try (PreparedStatement upsert =
        database
            .connection()
            .prepareStatement(
                "INSERT INTO moves VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, vm_uuid)"
                    + " DO UPDATE SET phase = excluded.phase, slot_waits = excluded.slot_waits,"
                    + " reattach_attempts = excluded.reattach_attempts,"
                    + " outcome_code = excluded.outcome_code,"
                    + " outcome_params = excluded.outcome_params, updated_at = excluded.updated_at")) {
      upsert.setString(1, runId);
      upsert.setString(2, state.vmUuid());
      upsert.setString(3, state.phase().name());
      upsert.setInt(4, state.slotWaits());
      upsert.setInt(5, state.reattachAttempts());
      upsert.setString(6, state.outcomeCode());
      upsert.setString(7, String.join(PARAM_SEPARATOR, state.outcomeParams()));
      upsert.setString(8, now.toString());
      upsert.executeUpdate();
    }
  }

  private List<RunRecord> queryRuns(String sql, String... args) {
    return database.query(
        sql,
        rows -> {
          List<RunRecord> runs = new ArrayList<>();
          while (rows.next()) {
            runs.add(
                new RunRecord(
                    rows.getString("run_id"),
                    Instant.parse(rows.getString("created_at")),
                    rows.getString("plan_hash"),
                    rows.getString("plan_json"),
                    RunStatus.valueOf(rows.getString("status"))));
          }
          return runs;
        },
        args);
  }
}

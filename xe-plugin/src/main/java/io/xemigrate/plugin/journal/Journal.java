package io.xemigrate.plugin.journal;

import com.google.common.collect.ImmutableList;
import io.xemigrate.plugin.coordinator.MoveOutcomes;
import io.xemigrate.plugin.coordinator.MovePhase;
import io.xemigrate.plugin.coordinator.MoveState;
import io.xemigrate.plugin.journal.RunRecord.RunStatus;
import io.xemigrate.plugin.journal.StepRecord.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The durable record of every run, move and step, in an embedded SQLite database.
 *
 * <p>Each step is written before it happens (an intent) and after (done or failed), each write in
 * its own transaction with {@code synchronous=FULL}, so that after a crash {@code run-resume} knows
 * exactly which steps may have happened and settles them by reading both pools. Nothing secret is
 * ever written: the API takes phase names, action names and xapi error codes only.
 *
 * <p>Not thread-safe by itself: the coordinator owns one journal and writes from its run loop.
 */
public final class Journal implements AutoCloseable {
  private static final String SCHEMA =
      """
      CREATE TABLE IF NOT EXISTS runs (
        run_id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        plan_hash TEXT NOT NULL,
        plan_json TEXT NOT NULL,
        status TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS moves (
        run_id TEXT NOT NULL REFERENCES runs(run_id),
        vm_uuid TEXT NOT NULL,
        phase TEXT NOT NULL,
        slot_waits INTEGER NOT NULL,
        reattach_attempts INTEGER NOT NULL,
        outcome_code TEXT NOT NULL,
        outcome_params TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (run_id, vm_uuid));
      CREATE TABLE IF NOT EXISTS steps (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        run_id TEXT NOT NULL,
        vm_uuid TEXT NOT NULL,
        phase TEXT NOT NULL,
        action TEXT NOT NULL,
        stage TEXT NOT NULL,
        detail TEXT NOT NULL,
        at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS completed_moves (
        run_id TEXT NOT NULL,
        vm_uuid TEXT NOT NULL,
        source_host TEXT NOT NULL,
        destination_host TEXT NOT NULL,
        bytes_sent INTEGER NOT NULL,
        seconds REAL NOT NULL,
        downtime_ms REAL,
        PRIMARY KEY (run_id, vm_uuid));
      CREATE TABLE IF NOT EXISTS run_hosts (
        run_id TEXT NOT NULL,
        pool_uuid TEXT NOT NULL,
        host_uuid TEXT NOT NULL,
        state TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (run_id, host_uuid));
      """;

  /**
   * Journals written before downtime could be unknown declared it NOT NULL and hold 0 for "not
   * measured" (the only value the coordinator wrote): the table is rebuilt with 0 read as unknown.
   */
  private static final String NULLABLE_DOWNTIME =
      """
      ALTER TABLE completed_moves RENAME TO completed_moves_old;
      CREATE TABLE completed_moves (
        run_id TEXT NOT NULL,
        vm_uuid TEXT NOT NULL,
        source_host TEXT NOT NULL,
        destination_host TEXT NOT NULL,
        bytes_sent INTEGER NOT NULL,
        seconds REAL NOT NULL,
        downtime_ms REAL,
        PRIMARY KEY (run_id, vm_uuid));
      INSERT INTO completed_moves SELECT run_id, vm_uuid, source_host, destination_host,
        bytes_sent, seconds, NULLIF(downtime_ms, 0) FROM completed_moves_old;
      DROP TABLE completed_moves_old;
      """;

  /** Parameters are joined with this separator, which no xapi parameter contains. */
  private static final String PARAM_SEPARATOR = "\u001f";

  /** The outcome code of a move the user cancelled, as the coordinator writes it on Ctrl-C. */
  public static final String USER_CANCELLED = "USER_CANCELLED";

  private final Connection connection;
  private final Clock clock;

  private Journal(Connection connection, Clock clock) {
    this.connection = connection;
    this.clock = clock;
  }

  /** Opens (or creates) the journal file; its folder is created when missing. */
  public static Journal open(Path file, Clock clock) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA journal_mode=WAL");
        statement.execute("PRAGMA synchronous=FULL");
        statement.execute("PRAGMA foreign_keys=ON");
        statement.execute("PRAGMA busy_timeout=5000");
        for (String ddl : SCHEMA.split(";")) {
          if (!ddl.isBlank()) {
            statement.execute(ddl);
          }
        }
      }
      Journal journal = new Journal(connection, clock);
      journal.makeDowntimeNullable();
      return journal;
    } catch (SQLException | IOException e) {
      throw new JournalException("cannot open the journal " + file + ": " + e.getMessage(), e);
    }
  }

  private void makeDowntimeNullable() throws SQLException {
    boolean notNull;
    try (Statement statement = connection.createStatement();
        ResultSet columns = statement.executeQuery("PRAGMA table_info(completed_moves)")) {
      notNull = false;
      while (columns.next()) {
        if (columns.getString("name").equals("downtime_ms") && columns.getInt("notnull") == 1) {
          notNull = true;
        }
      }
    }
    if (notNull) {
      inTransaction(
          () -> {
            try (Statement statement = connection.createStatement()) {
              for (String ddl : NULLABLE_DOWNTIME.split(";")) {
                if (!ddl.isBlank()) {
                  statement.execute(ddl);
                }
              }
            }
          });
    }
  }

  /** Records a new run with every move PENDING, in one transaction. */
  public void startRun(String runId, String planHash, String planJson, List<String> vmUuids) {
    inTransaction(
        () -> {
          Instant now = clock.instant();
          try (PreparedStatement run =
              connection.prepareStatement("INSERT INTO runs VALUES (?, ?, ?, ?, ?)")) {
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

  /**
   * Writes the intent of a step and the move's state it acts from (one transaction), before the
   * action runs. Returns the step's id. Saving the state here matters for a crash between the call
   * and its completion: a resumed move then starts from the phase the call put it in (for {@code
   * StartMigration}, MIGRATING: handed off, never sent again).
   */
  public long intend(String runId, MoveState state, String action) {
    long[] id = new long[1];
    inTransaction(
        () -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
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
          writeMove(runId, state, clock.instant());
        });
    return id[0];
  }

  /** Completes a step and saves the move's new state, in one transaction. */
  public void complete(long stepId, String runId, MoveState next, Stage stage, String detail) {
    if (stage == Stage.INTENT) {
      throw new IllegalArgumentException("a step completes as DONE or FAILED");
    }
    inTransaction(
        () -> {
          try (PreparedStatement update =
              connection.prepareStatement("UPDATE steps SET stage = ?, detail = ? WHERE id = ?")) {
            update.setString(1, stage.name());
            update.setString(2, detail);
            update.setLong(3, stepId);
            update.executeUpdate();
          }
          writeMove(runId, next, clock.instant());
        });
  }

  /** Saves a move's state without a step (a transition that needs no action). */
  public void saveMove(String runId, MoveState state) {
    inTransaction(() -> writeMove(runId, state, clock.instant()));
  }

  public void finishRun(String runId, RunStatus status) {
    inTransaction(
        () -> {
          try (PreparedStatement update =
              connection.prepareStatement("UPDATE runs SET status = ? WHERE run_id = ?")) {
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
    inTransaction(
        () -> {
          try (PreparedStatement moves =
                  connection.prepareStatement(
                      "UPDATE moves SET phase = ?, outcome_code = ?, outcome_params = '',"
                          + " updated_at = ? WHERE run_id = ?"
                          + " AND (phase IN (?, ?, ?) OR (phase = ? AND outcome_code = ?))");
              PreparedStatement run =
                  connection.prepareStatement("UPDATE runs SET status = ? WHERE run_id = ?")) {
            moves.setString(1, MovePhase.CANCELLED.name());
            moves.setString(2, USER_CANCELLED);
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

  public void recordCompleted(CompletedMove move) {
    inTransaction(
        () -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT OR REPLACE INTO completed_moves VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, move.runId());
            insert.setString(2, move.vmUuid());
            insert.setString(3, move.sourceHostUuid());
            insert.setString(4, move.destinationHostUuid());
            insert.setLong(5, move.bytesSent());
            insert.setDouble(6, move.seconds());
            if (move.downtimeMillis().isPresent()) {
              insert.setDouble(7, move.downtimeMillis().getAsDouble());
            } else {
              insert.setNull(7, Types.REAL);
            }
            insert.executeUpdate();
          }
        });
  }

  /**
   * Records what a run did to a host it disabled. {@code DISABLED} is written before the call, so
   * that after a crash {@code host-restore} knows the host may be disabled by this run.
   */
  public void holdHost(String runId, String poolUuid, String hostUuid, RunHost.HostState state) {
    inTransaction(
        () -> {
          try (PreparedStatement upsert =
              connection.prepareStatement(
                  "INSERT INTO run_hosts VALUES (?, ?, ?, ?, ?) ON CONFLICT (run_id, host_uuid)"
                      + " DO UPDATE SET state = excluded.state,"
                      + " updated_at = excluded.updated_at")) {
            upsert.setString(1, runId);
            upsert.setString(2, poolUuid);
            upsert.setString(3, hostUuid);
            upsert.setString(4, state.name());
            upsert.setString(5, clock.instant().toString());
            upsert.executeUpdate();
          }
        });
  }

  /** The hosts a run disabled, in host UUID order. */
  public ImmutableList<RunHost> hosts(String runId) {
    return query(
        "SELECT * FROM run_hosts WHERE run_id = ? ORDER BY host_uuid",
        rows -> {
          List<RunHost> hosts = new ArrayList<>();
          while (rows.next()) {
            hosts.add(
                new RunHost(
                    rows.getString("run_id"),
                    rows.getString("pool_uuid"),
                    rows.getString("host_uuid"),
                    RunHost.HostState.valueOf(rows.getString("state"))));
          }
          return ImmutableList.copyOf(hosts);
        },
        runId);
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
    return query(
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

  /** Steps whose intent was written but whose completion was not: what a crash interrupted. */
  public ImmutableList<StepRecord> unfinishedSteps(String runId) {
    return steps("SELECT * FROM steps WHERE run_id = ? AND stage = 'INTENT' ORDER BY id", runId);
  }

  /** Every step of a run, in order. */
  public ImmutableList<StepRecord> steps(String runId) {
    return steps("SELECT * FROM steps WHERE run_id = ? ORDER BY id", runId);
  }

  /** Completed moves, for calibrating the predictor. */
  public ImmutableList<CompletedMove> completedMoves() {
    return query(
        "SELECT * FROM completed_moves ORDER BY run_id, vm_uuid",
        rows -> {
          List<CompletedMove> moves = new ArrayList<>();
          while (rows.next()) {
            moves.add(
                new CompletedMove(
                    rows.getString("run_id"),
                    rows.getString("vm_uuid"),
                    rows.getString("source_host"),
                    rows.getString("destination_host"),
                    rows.getLong("bytes_sent"),
                    rows.getDouble("seconds"),
                    downtime(rows)));
          }
          return ImmutableList.copyOf(moves);
        });
  }

  private static OptionalDouble downtime(ResultSet rows) throws SQLException {
    double value = rows.getDouble("downtime_ms");
    return rows.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new JournalException("cannot close the journal: " + e.getMessage(), e);
    }
  }

  private void writeMove(String runId, MoveState state, Instant now) throws SQLException {
    try (PreparedStatement upsert =
        connection.prepareStatement(
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

  private ImmutableList<StepRecord> steps(String sql, String runId) {
    return query(
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

  private List<RunRecord> queryRuns(String sql, String... args) {
    return query(
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

  /** Reads rows into a value. */
  @FunctionalInterface
  private interface RowReader<T> {
    T read(ResultSet rows) throws SQLException;
  }

  /** A unit of work inside one transaction. */
  @FunctionalInterface
  private interface Work {
    void run() throws SQLException;
  }

  private <T> T query(String sql, RowReader<T> reader, String... args) {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        statement.setString(i + 1, args[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        return reader.read(rows);
      }
    } catch (SQLException e) {
      throw new JournalException("cannot read the journal: " + e.getMessage(), e);
    }
  }

  private void inTransaction(Work work) {
    try {
      connection.setAutoCommit(false);
      try {
        work.run();
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new JournalException("cannot write the journal: " + e.getMessage(), e);
    }
  }
}

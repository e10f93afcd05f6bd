package io.xemigrate.daemon;

import com.google.common.collect.ImmutableList;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The job tables in the journal's database: {@code job_state} (paused, and the last instant the
 * schedule was checked up to, which tells a restarted daemon what it missed) and {@code job_runs}
 * (every due, requested, skipped and finished run). A scheduled occurrence is unique per job and
 * time, so two daemons on one database record it once and run it once.
 */
public final class JobStore {
  /**
   * The schema. {@code job_runs.hosts} is always empty: the hosts a run disables are in the
   * journal's {@code run_hosts} ({@code run.HostMaintenance}); the column stays so that databases
   * made before keep working with the same inserts.
   */
  static final String SCHEMA =
      """
      CREATE TABLE IF NOT EXISTS job_state (
        job TEXT PRIMARY KEY,
        paused INTEGER NOT NULL,
        checked_until TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS job_runs (
        id TEXT PRIMARY KEY,
        job TEXT NOT NULL,
        kind TEXT NOT NULL,
        scheduled_for TEXT NOT NULL,
        created_at TEXT NOT NULL,
        started_at TEXT,
        ended_at TEXT,
        status TEXT NOT NULL,
        holder TEXT NOT NULL,
        run_id TEXT NOT NULL,
        hosts TEXT NOT NULL,
        detail TEXT NOT NULL,
        UNIQUE (job, kind, scheduled_for));
      """;

  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

  private final DaemonDatabase database;

  public JobStore(DaemonDatabase database) {
    this.database = database;
  }

  DaemonDatabase database() {
    return database;
  }

  /** Adds a state row for each job not yet known, checked up to {@code now} (nothing missed). */
  public void register(List<String> jobs, Instant now) {
    database.write(
        sql -> {
          for (String job : jobs) {
            try (PreparedStatement insert =
                DaemonDatabase.prepare(
                    sql,
                    "INSERT INTO job_state VALUES (?, 0, ?) ON CONFLICT DO NOTHING",
                    job,
                    now.toString())) {
              insert.executeUpdate();
            }
          }
          return null;
        });
  }

  /** Jobs the database knows, in name order. */
  public ImmutableList<String> knownJobs() {
    return database.read(
        sql -> {
          List<String> jobs = new ArrayList<>();
          try (PreparedStatement select =
                  DaemonDatabase.prepare(sql, "SELECT job FROM job_state ORDER BY job");
              ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              jobs.add(rows.getString(1));
            }
          }
          return ImmutableList.copyOf(jobs);
        });
  }

  public boolean paused(String job) {
    return database.read(
        sql -> {
          try (PreparedStatement select =
                  DaemonDatabase.prepare(sql, "SELECT paused FROM job_state WHERE job = ?", job);
              ResultSet rows = select.executeQuery()) {
            return rows.next() && rows.getInt(1) != 0;
          }
        });
  }

  /** Pauses or resumes a job; a job not yet known is registered, checked up to {@code now}. */
  public void setPaused(String job, boolean paused, Instant now) {
    database.write(
        sql -> {
          try (PreparedStatement upsert =
              DaemonDatabase.prepare(
                  sql,
                  "INSERT INTO job_state VALUES (?, ?, ?)"
                      + " ON CONFLICT (job) DO UPDATE SET paused = excluded.paused",
                  job,
                  paused ? 1 : 0,
                  now.toString())) {
            upsert.executeUpdate();
          }
          return null;
        });
  }

  public Optional<Instant> checkedUntil(String job) {
    return database.read(
        sql -> {
          try (PreparedStatement select =
                  DaemonDatabase.prepare(
                      sql, "SELECT checked_until FROM job_state WHERE job = ?", job);
              ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.of(Instant.parse(rows.getString(1))) : Optional.empty();
          }
        });
  }

  /** Moves a job's checked-until mark forward (never back: another daemon may be ahead). */
  public void checkedUntil(String job, Instant until) {
    database.write(
        sql -> {
          Instant current = Instant.MIN;
          try (PreparedStatement select =
                  DaemonDatabase.prepare(
                      sql, "SELECT checked_until FROM job_state WHERE job = ?", job);
              ResultSet rows = select.executeQuery()) {
            if (rows.next()) {
              current = Instant.parse(rows.getString(1));
            }
          }
          if (until.isAfter(current)) {
            try (PreparedStatement update =
                DaemonDatabase.prepare(
                    sql,
                    "UPDATE job_state SET checked_until = ? WHERE job = ?",
                    until.toString(),
                    job)) {
              update.executeUpdate();
            }
          }
          return null;
        });
  }

  /**
   * Records a scheduled occurrence with {@code status} (PENDING to run it, SKIPPED with a reason);
   * false when it was already recorded (by this daemon earlier, or by another one).
   */
  public boolean recordOccurrence(
      String job, Instant scheduledFor, Instant now, JobRunStatus status, String detail) {
    String id = job + "-" + ID_TIME.format(scheduledFor);
    return insert(id, job, JobRunRecord.SCHEDULED, scheduledFor, now, status, detail);
  }

  /** Records a request to run {@code job} now; returns the job run's id. */
  public String request(String job, Instant now) {
    String id = job + "-now-" + REQUEST_TIME.format(now);
    for (int attempt = 0; ; attempt++) {
      String unique = attempt == 0 ? id : id + "-" + attempt;
      if (insert(
          unique, job, JobRunRecord.REQUESTED, now, now, JobRunStatus.PENDING, "requested")) {
        return unique;
      }
    }
  }

  private boolean insert(
      String id,
      String job,
      String kind,
      Instant scheduledFor,
      Instant now,
      JobRunStatus status,
      String detail) {
    return database.write(
        sql -> {
          try (PreparedStatement insert =
              DaemonDatabase.prepare(
                  sql,
                  "INSERT INTO job_runs VALUES (?, ?, ?, ?, ?, NULL, ?, ?, '', '', '', ?)"
                      + " ON CONFLICT DO NOTHING",
                  id,
                  job,
                  kind,
                  scheduledFor.toString(),
                  now.toString(),
                  status.isFinal() ? now.toString() : null,
                  status.name(),
                  detail)) {
            return insert.executeUpdate() == 1;
          }
        });
  }

  /**
   * Makes {@code id} RUNNING under {@code holder}, inside the caller's transaction (the lease's).
   * It must still be PENDING, or RUNNING under {@code previousHolder} (a takeover). Returns whether
   * it did.
   */
  static boolean claim(Connection sql, String id, String holder, String previousHolder, Instant now)
      throws SQLException {
    try (PreparedStatement update =
        DaemonDatabase.prepare(
            sql,
            "UPDATE job_runs SET status = 'RUNNING', holder = ?,"
                + " started_at = COALESCE(started_at, ?) WHERE id = ?"
                + " AND (status = 'PENDING' OR (status = 'RUNNING' AND holder = ?))",
            holder,
            now.toString(),
            id,
            previousHolder)) {
      return update.executeUpdate() == 1;
    }
  }

  /** Records the journal run, before the moves start. */
  public void started(String id, String runId) {
    update("UPDATE job_runs SET run_id = ?, hosts = '' WHERE id = ?", runId, id);
  }

  /** Ends a run with its status and a one-line detail. */
  public void finish(String id, JobRunStatus status, String detail, Instant now) {
    update(
        "UPDATE job_runs SET status = ?, detail = ?, ended_at = ? WHERE id = ?",
        status.name(),
        detail,
        now.toString(),
        id);
  }

  private void update(String statement, Object... args) {
    database.write(
        sql -> {
          try (PreparedStatement update = DaemonDatabase.prepare(sql, statement, args)) {
            return update.executeUpdate();
          }
        });
  }

  public Optional<JobRunRecord> run(String id) {
    return select("SELECT * FROM job_runs WHERE id = ?", id).stream().findFirst();
  }

  /** A job's runs, newest occurrence first. */
  public ImmutableList<JobRunRecord> history(String job) {
    return select(
        "SELECT * FROM job_runs WHERE job = ? ORDER BY scheduled_for DESC, created_at DESC", job);
  }

  /** Runs in a status, oldest occurrence first. */
  public ImmutableList<JobRunRecord> withStatus(JobRunStatus status) {
    return select(
        "SELECT * FROM job_runs WHERE status = ? ORDER BY scheduled_for, created_at",
        status.name());
  }

  /** Every run of every job, oldest first (tests and {@code job-list}). */
  public ImmutableList<JobRunRecord> all() {
    return select("SELECT * FROM job_runs ORDER BY scheduled_for, created_at");
  }

  /** The newest finished run of {@code job} that applied a plan: what a restore moves back. */
  public Optional<JobRunRecord> lastApplied(String job) {
    return history(job).stream()
        .filter(run -> run.status().isFinal() && !run.runId().isEmpty())
        .findFirst();
  }

  private ImmutableList<JobRunRecord> select(String query, Object... args) {
    return database.read(
        sql -> {
          List<JobRunRecord> runs = new ArrayList<>();
          try (PreparedStatement select = DaemonDatabase.prepare(sql, query, args);
              ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              runs.add(
                  new JobRunRecord(
                      rows.getString("id"),
                      rows.getString("job"),
                      rows.getString("kind"),
                      Instant.parse(rows.getString("scheduled_for")),
                      Instant.parse(rows.getString("created_at")),
                      instant(rows.getString("started_at")),
                      instant(rows.getString("ended_at")),
                      JobRunStatus.valueOf(rows.getString("status")),
                      rows.getString("holder"),
                      rows.getString("run_id"),
                      rows.getString("detail")));
            }
          }
          return ImmutableList.copyOf(runs);
        });
  }

  private static Optional<Instant> instant(String text) {
    return text == null ? Optional.empty() : Optional.of(Instant.parse(text));
  }
}

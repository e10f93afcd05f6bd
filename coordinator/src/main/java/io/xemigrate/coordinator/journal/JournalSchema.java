package io.xemigrate.coordinator.journal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The journal's tables and their migration steps ({@link SchemaMigrations}, component {@value
 * #COMPONENT}). Step 1 creates the tables if they are missing (a journal written before versions
 * were kept has them already); later steps change them, in order, once.
 */
final class JournalSchema {
  static final String COMPONENT = "journal";

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

  /** The steps, oldest first; a change to the tables is a new step at the end. */
  static final List<SchemaMigrations.Step> STEPS =
      List.of(SchemaMigrations.statements(SCHEMA), JournalSchema::makeDowntimeNullable);

  private JournalSchema() {}

  /**
   * The steps for {@code dialect}: on PostgreSQL, step 1 creates the tables as they are now and
   * step 2 has nothing to change (no PostgreSQL journal predates it).
   */
  static List<SchemaMigrations.Step> steps(Dialect dialect) {
    return switch (dialect) {
      case SQLITE -> STEPS;
      case POSTGRESQL ->
          List.of(SchemaMigrations.statements(dialect.ddl(SCHEMA)), connection -> {});
    };
  }

  private static void makeDowntimeNullable(Connection connection) throws SQLException {
    boolean notNull = false;
    try (Statement statement = connection.createStatement();
        ResultSet columns = statement.executeQuery("PRAGMA table_info(completed_moves)")) {
      while (columns.next()) {
        if (columns.getString("name").equals("downtime_ms") && columns.getInt("notnull") == 1) {
          notNull = true;
        }
      }
    }
    if (notNull) {
      SchemaMigrations.statements(NULLABLE_DOWNTIME).apply(connection);
    }
  }
}

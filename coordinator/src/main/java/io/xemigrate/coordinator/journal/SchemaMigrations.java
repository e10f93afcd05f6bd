package io.xemigrate.coordinator.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The one way a table set in the journal's database (SQLite file or PostgreSQL) changes shape:
 * numbered steps per component (the journal, the daemon's jobs and leases, the API's plans), with
 * the version each component has reached kept in {@code schema_versions}. A step runs once, in the
 * caller's transaction, and is never edited afterwards: a change is a new step at the end.
 * Components share the database, so each keeps its own version (SQLite's single {@code
 * user_version} would make them collide). A step's DDL is written for SQLite and translated by
 * {@link Dialect#ddl} for PostgreSQL.
 */
public final class SchemaMigrations {
  private static final String VERSIONS =
      "CREATE TABLE IF NOT EXISTS schema_versions ("
          + "component TEXT PRIMARY KEY, version INTEGER NOT NULL)";

  /** One step: DDL and data changes on the connection. */
  @FunctionalInterface
  public interface Step {
    void apply(Connection connection) throws SQLException;
  }

  private SchemaMigrations() {}

  /** A step that runs each of the {@code ;}-separated statements of {@code ddl}. */
  public static Step statements(String ddl) {
    return connection -> {
      try (Statement statement = connection.createStatement()) {
        for (String sql : ddl.split(";")) {
          if (!sql.isBlank()) {
            statement.execute(sql);
          }
        }
      }
    };
  }

  /**
   * Runs the steps of {@code component} after the version it has reached (step 1 is {@code
   * steps.get(0)}), and records the new version. Returns that version.
   */
  public static int apply(Connection connection, String component, List<Step> steps)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(VERSIONS);
    }
    int version = version(connection, component);
    for (int next = version + 1; next <= steps.size(); next++) {
      steps.get(next - 1).apply(connection);
      try (PreparedStatement upsert =
          connection.prepareStatement(
              "INSERT INTO schema_versions VALUES (?, ?)"
                  + " ON CONFLICT (component) DO UPDATE SET version = excluded.version")) {
        upsert.setString(1, component);
        upsert.setInt(2, next);
        upsert.executeUpdate();
      }
    }
    return Math.max(version, steps.size());
  }

  /**
   * {@link #apply} in its own {@code BEGIN IMMEDIATE} transaction on a connection in auto-commit
   * mode: the write lock is taken before the version is read, so two processes opening the file at
   * once cannot both run a step.
   */
  public static int applyImmediately(Connection connection, String component, List<Step> steps)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("BEGIN IMMEDIATE");
      try {
        int version = apply(connection, component, steps);
        statement.execute("COMMIT");
        return version;
      } catch (SQLException | RuntimeException e) {
        statement.execute("ROLLBACK");
        throw e;
      }
    }
  }

  /**
   * {@link #apply} in its own transaction that no other process can run at the same time: {@code
   * BEGIN IMMEDIATE} on SQLite, the write lock of {@link Dialect#lockForWrite} on PostgreSQL.
   */
  public static int applyExclusively(
      Connection connection, Dialect dialect, String component, List<Step> steps)
      throws SQLException {
    return switch (dialect) {
      case SQLITE -> applyImmediately(connection, component, steps);
      case POSTGRESQL -> {
        connection.setAutoCommit(false);
        try {
          dialect.lockForWrite(connection);
          int version = apply(connection, component, steps);
          connection.commit();
          yield version;
        } catch (SQLException | RuntimeException e) {
          connection.rollback();
          throw e;
        } finally {
          connection.setAutoCommit(true);
        }
      }
    };
  }

  /** The version {@code component} has reached; 0 when none of its steps ran yet. */
  public static int version(Connection connection, String component) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT version FROM schema_versions WHERE component = ?")) {
      query.setString(1, component);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? rows.getInt(1) : 0;
      }
    }
  }
}

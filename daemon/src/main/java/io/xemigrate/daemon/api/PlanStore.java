package io.xemigrate.daemon.api;

import com.google.common.collect.ImmutableList;
import io.xemigrate.coordinator.CoordinatorException;
import io.xemigrate.coordinator.journal.Dialect;
import io.xemigrate.coordinator.journal.SchemaMigrations;
import io.xemigrate.coordinator.journal.ServerConnections;
import io.xemigrate.coordinator.journal.StoreLocation;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The API's plans, in their own table of the journal's database ({@code api_plans}, created when
 * missing; the journal's tables are not touched). Status changes are conditional updates, so two
 * requests cannot both apply one plan.
 */
final class PlanStore implements AutoCloseable {
  private static final String SCHEMA =
      """
      CREATE TABLE IF NOT EXISTS api_plans (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        status TEXT NOT NULL,
        kind TEXT NOT NULL,
        plan_json TEXT NOT NULL,
        moves INTEGER NOT NULL,
        blocked INTEGER NOT NULL,
        run_id TEXT,
        evacuate_hosts TEXT,
        maintenance INTEGER NOT NULL DEFAULT 0)
      """;

  private Connection connection;

  /** The PostgreSQL database, to open a new connection after the server dropped one. */
  private final Optional<StoreLocation.Postgres> server;

  /** The server connection failed (network, server restart): the next call opens a new one. */
  private boolean lost;

  private PlanStore(Connection connection, Optional<StoreLocation.Postgres> server) {
    this.connection = connection;
    this.server = server;
  }

  static PlanStore open(StoreLocation location) {
    if (location instanceof StoreLocation.SqliteFile sqlite) {
      return open(sqlite.file());
    }
    StoreLocation.Postgres server = (StoreLocation.Postgres) location;
    try {
      Connection connection = ServerConnections.connect(server);
      try {
        SchemaMigrations.applyExclusively(
            connection,
            Dialect.POSTGRESQL,
            "api-plans",
            List.of(SchemaMigrations.statements(Dialect.POSTGRESQL.ddl(SCHEMA))));
        return new PlanStore(connection, Optional.of(server));
      } catch (SQLException e) {
        connection.close();
        throw ServerConnections.refusal(server, e);
      }
    } catch (SQLException | CoordinatorException e) {
      throw new ApiStartException(
          "cannot open the database " + server + " for plans: " + e.getMessage());
    }
  }

  static PlanStore open(Path database) {
    try {
      Connection connection =
          DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath());
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA busy_timeout=5000");
        statement.execute("PRAGMA journal_mode=WAL");
      }
      SchemaMigrations.applyImmediately(
          connection, "api-plans", List.of(SchemaMigrations.statements(SCHEMA)));
      return new PlanStore(connection, Optional.empty());
    } catch (SQLException e) {
      throw new ApiStartException(
          "cannot open the database " + database + " for plans: " + e.getMessage());
    }
  }

  synchronized void create(StoredPlan plan) {
    update(
        "INSERT INTO api_plans VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)",
        plan.id(),
        plan.createdAt().toString(),
        plan.status().name(),
        plan.kind(),
        plan.planJson(),
        plan.moves(),
        plan.blocked(),
        plan.evacuation().map(e -> ApiJson.tree(e.hosts()).toString()).orElse(null),
        plan.evacuation().map(StoredPlan.Evacuation::maintenance).orElse(false) ? 1 : 0);
  }

  synchronized Optional<StoredPlan> get(String id) {
    ImmutableList<StoredPlan> found = query("SELECT * FROM api_plans WHERE id = ?", id);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  /** Every plan, newest first. */
  synchronized ImmutableList<StoredPlan> list() {
    return query("SELECT * FROM api_plans ORDER BY created_at DESC, id DESC");
  }

  /** draft -> approved; true when it changed. */
  synchronized boolean approve(String id) {
    return update("UPDATE api_plans SET status = 'APPROVED' WHERE id = ? AND status = 'DRAFT'", id)
        == 1;
  }

  /** approved -> applied by {@code runId}; true when it changed (false: someone else did). */
  synchronized boolean markApplied(String id, String runId) {
    return update(
            "UPDATE api_plans SET status = 'APPLIED', run_id = ? WHERE id = ? AND status ="
                + " 'APPROVED'",
            runId,
            id)
        == 1;
  }

  /** applied -> approved again, when the run could not even start. */
  synchronized void unmarkApplied(String id) {
    update("UPDATE api_plans SET status = 'APPROVED', run_id = NULL WHERE id = ?", id);
  }

  /**
   * The connection; after a PostgreSQL connection was lost, a new one (the call that met the loss
   * failed as one error), as the journal's and the daemon's stores do.
   */
  private Connection connection() {
    if (lost && server.isPresent()) {
      try {
        connection.close();
      } catch (SQLException e) {
        // Already broken: nothing to release.
      }
      connection = ServerConnections.connect(server.get());
      lost = false;
    }
    return connection;
  }

  private IllegalStateException failure(SQLException e) {
    if (ServerConnections.lost(e)) {
      lost = true;
    }
    return new IllegalStateException("plan store: " + e.getMessage(), e);
  }

  private int update(String sql, Object... values) {
    try (PreparedStatement statement = connection().prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private static Optional<StoredPlan.Evacuation> evacuation(ResultSet rows) throws SQLException {
    String hosts = rows.getString("evacuate_hosts");
    if (hosts == null) {
      return Optional.empty();
    }
    ImmutableList.Builder<String> names = ImmutableList.builder();
    ApiJson.parse(hosts).forEach(host -> names.add(host.asText()));
    return Optional.of(new StoredPlan.Evacuation(names.build(), rows.getInt("maintenance") != 0));
  }

  private ImmutableList<StoredPlan> query(String sql, Object... values) {
    try (PreparedStatement statement = connection().prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      ImmutableList.Builder<StoredPlan> plans = ImmutableList.builder();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          plans.add(
              new StoredPlan(
                  rows.getString("id"),
                  Instant.parse(rows.getString("created_at")),
                  StoredPlan.Status.valueOf(rows.getString("status").toUpperCase(Locale.ROOT)),
                  rows.getString("kind"),
                  rows.getString("plan_json"),
                  rows.getInt("moves"),
                  rows.getInt("blocked"),
                  Optional.ofNullable(rows.getString("run_id")),
                  evacuation(rows)));
        }
      }
      return plans.build();
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // Closing at shutdown: nothing left to do with the error.
    }
  }
}

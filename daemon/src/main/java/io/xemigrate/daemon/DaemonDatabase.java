package io.xemigrate.daemon;

import io.xemigrate.coordinator.journal.Dialect;
import io.xemigrate.coordinator.journal.JournalException;
import io.xemigrate.coordinator.journal.SchemaMigrations;
import io.xemigrate.coordinator.journal.ServerConnections;
import io.xemigrate.coordinator.journal.StoreLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * The daemon's connection to the journal's database (SQLite file or PostgreSQL), for the tables the
 * daemon owns ({@link JobStore}, {@link PoolLeases}); the journal keeps its own connection. Every
 * write transaction starts with the database's write lock ({@code BEGIN IMMEDIATE} on SQLite, an
 * advisory transaction lock on PostgreSQL: {@link Dialect#lockForWrite}), so that a read-then-write
 * (is the lease free? take it) holds it from the read on: two daemons on one database cannot both
 * see a pool free. Calls are serialised on this object (one connection, several threads).
 */
public final class DaemonDatabase implements AutoCloseable {
  private static final String COMPONENT = "daemon";

  private Connection connection;
  private final StoreLocation location;

  /** The server connection failed (network, server restart): the next call opens a new one. */
  private boolean lost;

  private DaemonDatabase(Connection connection, StoreLocation location) {
    this.connection = connection;
    this.location = location;
  }

  /** Opens the database and brings the daemon's tables up to date. */
  public static DaemonDatabase open(StoreLocation location) {
    if (location instanceof StoreLocation.SqliteFile sqlite) {
      return open(sqlite.file());
    }
    StoreLocation.Postgres server = (StoreLocation.Postgres) location;
    DaemonDatabase database = new DaemonDatabase(ServerConnections.connect(server), location);
    try {
      database.write(sql -> SchemaMigrations.apply(sql, COMPONENT, steps(Dialect.POSTGRESQL)));
      return database;
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  private static List<SchemaMigrations.Step> steps(Dialect dialect) {
    return List.of(SchemaMigrations.statements(dialect.ddl(JobStore.SCHEMA + PoolLeases.SCHEMA)));
  }

  /** Opens (or creates) the file and the daemon's tables. */
  public static DaemonDatabase open(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      SQLiteConfig config = new SQLiteConfig();
      config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
      config.setBusyTimeout(10_000);
      Connection connection =
          DriverManager.getConnection(
              "jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
      DaemonDatabase database = new DaemonDatabase(connection, StoreLocation.file(file));
      database.write(sql -> SchemaMigrations.apply(sql, COMPONENT, steps(Dialect.SQLITE)));
      return database;
    } catch (SQLException | IOException e) {
      throw new JournalException("cannot open the database " + file + ": " + e.getMessage(), e);
    }
  }

  public StoreLocation location() {
    return location;
  }

  Dialect dialect() {
    return location.dialect();
  }

  /** Work on the connection that may throw {@link SQLException}. */
  @FunctionalInterface
  interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  /** A read outside any transaction. */
  synchronized <T> T read(SqlWork<T> work) {
    try {
      return work.run(connection());
    } catch (SQLException e) {
      throw failure("read", e);
    }
  }

  /**
   * One transaction under the database's write lock: committed when {@code work} returns, else
   * rolled back.
   */
  synchronized <T> T write(SqlWork<T> work) {
    try {
      Connection sql = connection();
      sql.setAutoCommit(false);
      try {
        dialect().lockForWrite(sql);
        T value = work.run(sql);
        sql.commit();
        return value;
      } catch (SQLException | RuntimeException e) {
        sql.rollback();
        throw e;
      } finally {
        sql.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failure("write", e);
    }
  }

  /**
   * The connection; after a PostgreSQL connection was lost, a new one, so that a daemon outlives a
   * network cut or a server restart (a refusal while the server is still away is one line).
   */
  private Connection connection() {
    if (lost && location instanceof StoreLocation.Postgres server) {
      try {
        connection.close();
      } catch (SQLException e) {
        // Already broken: nothing to release.
      }
      connection = ServerConnections.connect(server);
      lost = false;
    }
    return connection;
  }

  private RuntimeException failure(String verb, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.startsWith("08") || state.equals("57P01")) {
      lost = true;
    }
    if (location instanceof StoreLocation.Postgres server
        && e.getSQLState() != null
        && (e.getSQLState().startsWith("08") || e.getSQLState().startsWith("28"))) {
      return ServerConnections.refusal(server, e);
    }
    return new JournalException(
        "cannot " + verb + " the database " + location + ": " + e.getMessage(), e);
  }

  /** Binds string parameters in order. */
  static PreparedStatement prepare(Connection connection, String sql, Object... args)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      statement.setObject(i + 1, args[i]);
    }
    return statement;
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw failure("close", e);
    }
  }
}

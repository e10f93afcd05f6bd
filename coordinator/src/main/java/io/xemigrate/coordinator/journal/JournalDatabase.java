package io.xemigrate.coordinator.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The journal's connection: to an SQLite file (WAL with {@code synchronous=FULL}) or to a
 * PostgreSQL database; one transaction per write, the schema brought up to date on open ({@link
 * JournalSchema}). Each store of the journal reads and writes through it.
 */
final class JournalDatabase implements AutoCloseable {
  private Connection connection;
  private final StoreLocation location;

  /** The server connection failed (network, server restart): the next call opens a new one. */
  private boolean lost;

  private JournalDatabase(Connection connection, StoreLocation location) {
    this.connection = connection;
    this.location = location;
  }

  StoreLocation location() {
    return location;
  }

  /** Opens the database; an SQLite file is created, with its folder, when missing. */
  static JournalDatabase open(StoreLocation location) {
    if (location instanceof StoreLocation.SqliteFile sqlite) {
      return open(sqlite.file());
    }
    StoreLocation.Postgres server = (StoreLocation.Postgres) location;
    Connection connection = ServerConnections.connect(server);
    try {
      SchemaMigrations.applyExclusively(
          connection,
          Dialect.POSTGRESQL,
          JournalSchema.COMPONENT,
          JournalSchema.steps(Dialect.POSTGRESQL));
      return new JournalDatabase(connection, location);
    } catch (SQLException e) {
      closeQuietly(connection);
      throw ServerConnections.refusal(server, e);
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // Already failing: the first error is the one to report.
    }
  }

  /** Opens (or creates) the file; its folder is created when missing. */
  static JournalDatabase open(Path file) {
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
      }
      JournalDatabase database = new JournalDatabase(connection, StoreLocation.file(file));
      SchemaMigrations.applyImmediately(connection, JournalSchema.COMPONENT, JournalSchema.STEPS);
      return database;
    } catch (SQLException | IOException e) {
      throw new JournalException("cannot open the journal " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The connection; after a PostgreSQL connection was lost, a new one, so that a long run outlives
   * a network cut or a server restart between two journal writes (the write that met the cut failed
   * as one error, as any journal failure does).
   */
  synchronized Connection connection() {
    if (lost && location instanceof StoreLocation.Postgres server) {
      closeQuietly(connection);
      connection = ServerConnections.connect(server);
      lost = false;
    }
    return connection;
  }

  private synchronized void noteFailure(SQLException e) {
    if (ServerConnections.lost(e)) {
      lost = true;
    }
  }

  /** Reads rows into a value. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet rows) throws SQLException;
  }

  /** A unit of work inside one transaction. */
  @FunctionalInterface
  interface Work {
    void run() throws SQLException;
  }

  <T> T query(String sql, RowReader<T> reader, String... args) {
    try (PreparedStatement statement = connection().prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        statement.setString(i + 1, args[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        return reader.read(rows);
      }
    } catch (SQLException e) {
      noteFailure(e);
      throw new JournalException("cannot read the journal: " + e.getMessage(), e);
    }
  }

  void inTransaction(Work work) {
    try {
      Connection sql = connection();
      sql.setAutoCommit(false);
      try {
        work.run();
        sql.commit();
      } catch (SQLException | RuntimeException e) {
        sql.rollback();
        throw e;
      } finally {
        sql.setAutoCommit(true);
      }
    } catch (SQLException e) {
      noteFailure(e);
      throw new JournalException("cannot write the journal: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new JournalException("cannot close the journal: " + e.getMessage(), e);
    }
  }
}

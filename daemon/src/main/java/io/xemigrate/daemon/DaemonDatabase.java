package io.xemigrate.daemon;

import io.xemigrate.coordinator.journal.JournalException;
import io.xemigrate.coordinator.journal.SchemaMigrations;
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
 * The daemon's connection to the journal's SQLite file, for the tables the daemon owns ({@link
 * JobStore}, {@link PoolLeases}); the journal keeps its own connection. Every write transaction
 * starts with {@code BEGIN IMMEDIATE}, so that a read-then-write (is the lease free? take it) holds
 * the database's write lock from the read on: two daemons on one file cannot both see a pool free.
 * Calls are serialised on this object (one connection, several threads).
 */
public final class DaemonDatabase implements AutoCloseable {
  private final Connection connection;
  private final Path file;

  private DaemonDatabase(Connection connection, Path file) {
    this.connection = connection;
    this.file = file;
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
      DaemonDatabase database = new DaemonDatabase(connection, file);
      database.write(
          sql ->
              SchemaMigrations.apply(
                  sql,
                  "daemon",
                  List.of(SchemaMigrations.statements(JobStore.SCHEMA + PoolLeases.SCHEMA))));
      return database;
    } catch (SQLException | IOException e) {
      throw new JournalException("cannot open the database " + file + ": " + e.getMessage(), e);
    }
  }

  public Path file() {
    return file;
  }

  /** Work on the connection that may throw {@link SQLException}. */
  @FunctionalInterface
  interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  /** A read outside any transaction. */
  synchronized <T> T read(SqlWork<T> work) {
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw new JournalException("cannot read the database " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * One {@code BEGIN IMMEDIATE} transaction: committed when {@code work} returns, else rolled back.
   */
  synchronized <T> T write(SqlWork<T> work) {
    try {
      connection.setAutoCommit(false);
      try {
        T value = work.run(connection);
        connection.commit();
        return value;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new JournalException("cannot write the database " + file + ": " + e.getMessage(), e);
    }
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
      throw new JournalException("cannot close the database " + file + ": " + e.getMessage(), e);
    }
  }
}

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
 * The journal's SQLite connection: WAL with {@code synchronous=FULL}, one transaction per write,
 * the schema brought up to date on open ({@link JournalSchema}). Each store of the journal reads
 * and writes through it.
 */
final class JournalDatabase implements AutoCloseable {
  private final Connection connection;

  private JournalDatabase(Connection connection) {
    this.connection = connection;
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
      JournalDatabase database = new JournalDatabase(connection);
      SchemaMigrations.applyImmediately(connection, JournalSchema.COMPONENT, JournalSchema.STEPS);
      return database;
    } catch (SQLException | IOException e) {
      throw new JournalException("cannot open the journal " + file + ": " + e.getMessage(), e);
    }
  }

  Connection connection() {
    return connection;
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

  void inTransaction(Work work) {
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

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new JournalException("cannot close the journal: " + e.getMessage(), e);
    }
  }
}

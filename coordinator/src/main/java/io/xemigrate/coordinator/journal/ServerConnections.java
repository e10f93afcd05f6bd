package io.xemigrate.coordinator.journal;

import io.xemigrate.coordinator.CoordinatorException;
import io.xemigrate.coordinator.ErrorKind;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Connections to a PostgreSQL database (PostgreSQL's JDBC driver), and its refusals as one line
 * each: a server that cannot be reached, a login refused, a database that does not exist. One
 * connection per store, as with SQLite: the stores serialise their calls, so no pool is needed.
 */
public final class ServerConnections {
  private ServerConnections() {}

  /** Connects, in auto-commit mode. */
  public static Connection connect(StoreLocation.Postgres server) {
    Properties properties = new Properties();
    properties.setProperty("user", server.user());
    properties.setProperty("password", server.password());
    properties.setProperty("ApplicationName", "xe-migrate");
    properties.setProperty("connectTimeout", "10");
    properties.setProperty("tcpKeepAlive", "true");
    try {
      return DriverManager.getConnection(
          "jdbc:postgresql://" + server.host() + ":" + server.port() + "/" + server.database(),
          properties);
    } catch (SQLException e) {
      throw refusal(server, e);
    }
  }

  /**
   * Whether {@code e} says the connection itself is gone (a network cut, a server restart, an
   * administrator's {@code pg_terminate_backend}): the store opens a new one on its next call.
   */
  public static boolean lost(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    return state.startsWith("08") || state.equals("57P01");
  }

  /** A connection refused or lost as one line; the driver's own text only when nothing fits. */
  public static CoordinatorException refusal(StoreLocation.Postgres server, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String where = server.host() + ":" + server.port();
    if (state.startsWith("08")) {
      return new CoordinatorException(
          ErrorKind.STORAGE,
          "DATABASE_UNREACHABLE",
          "cannot reach the PostgreSQL server "
              + where
              + ": check that it runs there, accepts TCP connections and that the address in"
              + " database is right",
          e);
    }
    if (state.equals("28P01") || state.equals("28000")) {
      return new CoordinatorException(
          ErrorKind.STORAGE,
          "DATABASE_LOGIN",
          "the PostgreSQL server "
              + where
              + " refused user "
              + server.user()
              + ": check the password in its file or in "
              + StoreLocation.PASSWORD_VARIABLE
              + ", and the server's pg_hba.conf",
          e);
    }
    if (state.equals("3D000")) {
      return new CoordinatorException(
          ErrorKind.STORAGE,
          "DATABASE_MISSING",
          "the PostgreSQL server "
              + where
              + " has no database "
              + server.database()
              + ": create it (CREATE DATABASE "
              + server.database()
              + " OWNER "
              + server.user()
              + ")",
          e);
    }
    return new CoordinatorException(
        ErrorKind.STORAGE,
        "DATABASE",
        "the PostgreSQL database " + server + " failed: " + oneLine(e.getMessage()),
        e);
  }

  private static String oneLine(String message) {
    return String.valueOf(message).replace('\n', ' ').strip();
  }
}

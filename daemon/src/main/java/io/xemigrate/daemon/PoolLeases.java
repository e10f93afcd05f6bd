package io.xemigrate.daemon;

import com.google.common.collect.ImmutableList;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Leases on pools in the database: only the holder of a pool's lease acts on it, so one run at a
 * time per pool, across every daemon (and API-started run) on one database. A lease lasts {@code
 * ttl} past its last renewal; the holder renews it by heartbeat while it runs; an expired lease may
 * be taken over (its holder died). Acquisition is one transaction under the database's write lock
 * ({@code BEGIN IMMEDIATE} on SQLite, an advisory transaction lock on PostgreSQL): all the pools or
 * none. Expiry is judged by the caller's clock on SQLite and by the server's {@code now()} on
 * PostgreSQL ({@link io.xemigrate.coordinator.journal.Dialect#now}), so daemons on several machines
 * agree on it whatever their clocks say. {@code lease_history} keeps every holding's interval, for
 * audits and tests.
 */
public final class PoolLeases {
  static final String SCHEMA =
      """
      CREATE TABLE IF NOT EXISTS pool_leases (
        pool_uuid TEXT PRIMARY KEY,
        holder TEXT NOT NULL,
        purpose TEXT NOT NULL,
        acquired_at TEXT NOT NULL,
        expires_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS lease_history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        pool_uuid TEXT NOT NULL,
        holder TEXT NOT NULL,
        purpose TEXT NOT NULL,
        acquired_at TEXT NOT NULL,
        released_at TEXT);
      """;

  /** What else must hold, in the same transaction, for the lease to be taken. */
  @FunctionalInterface
  public interface Condition {
    boolean holds(Connection sql) throws SQLException;
  }

  /** A lease as it stands. */
  public record Lease(String poolUuid, String holder, String purpose, Instant expiresAt) {}

  /** One holding of a pool, from acquisition to release (empty while held). */
  public record Holding(
      String poolUuid,
      String holder,
      String purpose,
      Instant acquiredAt,
      Optional<Instant> released) {}

  private final DaemonDatabase database;

  public PoolLeases(DaemonDatabase database) {
    this.database = database;
  }

  /**
   * Takes the lease of every pool in {@code pools} for {@code holder}, if each is free or expired
   * and {@code also} holds; otherwise takes none.
   *
   * @param purpose what the lease is for (a job run's id), shown to whoever finds the pool busy
   */
  public boolean tryAcquire(
      Set<String> pools,
      String holder,
      String purpose,
      Instant local,
      Duration ttl,
      Condition also) {
    return database.write(
        sql -> {
          Instant now = database.dialect().now(sql, local);
          for (String pool : new TreeSet<>(pools)) {
            Optional<Lease> current = lease(sql, pool);
            // Held and alive, by anyone (this daemon included: one run per pool): busy.
            if (current.isPresent() && current.get().expiresAt().isAfter(now)) {
              return false;
            }
          }
          if (!also.holds(sql)) {
            return false;
          }
          for (String pool : new TreeSet<>(pools)) {
            Optional<Lease> current = lease(sql, pool);
            if (current.isPresent()) {
              // A takeover: the previous holding ended when its lease expired.
              Instant end =
                  current.get().expiresAt().isBefore(now) ? current.get().expiresAt() : now;
              closeHistory(sql, pool, end);
            }
            try (PreparedStatement upsert =
                    DaemonDatabase.prepare(
                        sql,
                        "INSERT INTO pool_leases VALUES (?, ?, ?, ?, ?) ON CONFLICT (pool_uuid)"
                            + " DO UPDATE SET holder = excluded.holder,"
                            + " purpose = excluded.purpose, acquired_at = excluded.acquired_at,"
                            + " expires_at = excluded.expires_at",
                        pool,
                        holder,
                        purpose,
                        now.toString(),
                        now.plus(ttl).toEpochMilli());
                PreparedStatement history =
                    DaemonDatabase.prepare(
                        sql,
                        "INSERT INTO lease_history (pool_uuid, holder, purpose, acquired_at)"
                            + " VALUES (?, ?, ?, ?)",
                        pool,
                        holder,
                        purpose,
                        now.toString())) {
              upsert.executeUpdate();
              history.executeUpdate();
            }
          }
          return true;
        });
  }

  /** Extends {@code holder}'s leases on {@code pools}; false when some lease was lost. */
  public boolean renew(Set<String> pools, String holder, Instant local, Duration ttl) {
    return database.write(
        sql -> {
          Instant now = database.dialect().now(sql, local);
          int renewed = 0;
          for (String pool : pools) {
            try (PreparedStatement update =
                DaemonDatabase.prepare(
                    sql,
                    "UPDATE pool_leases SET expires_at = ? WHERE pool_uuid = ? AND holder = ?",
                    now.plus(ttl).toEpochMilli(),
                    pool,
                    holder)) {
              renewed += update.executeUpdate();
            }
          }
          return renewed == pools.size();
        });
  }

  /** Gives up {@code holder}'s leases on {@code pools}. */
  public void release(Set<String> pools, String holder, Instant local) {
    database.write(
        sql -> {
          Instant now = database.dialect().now(sql, local);
          for (String pool : pools) {
            Optional<Lease> current = lease(sql, pool);
            if (current.isPresent() && current.get().holder().equals(holder)) {
              try (PreparedStatement delete =
                  DaemonDatabase.prepare(
                      sql, "DELETE FROM pool_leases WHERE pool_uuid = ?", pool)) {
                delete.executeUpdate();
              }
              closeHistory(sql, pool, now);
            }
          }
          return null;
        });
  }

  /** The leases as they stand, expired ones included. */
  public ImmutableList<Lease> leases() {
    return database.read(
        sql -> {
          List<Lease> leases = new ArrayList<>();
          try (PreparedStatement select =
                  DaemonDatabase.prepare(sql, "SELECT * FROM pool_leases ORDER BY pool_uuid");
              ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              leases.add(leaseOf(rows));
            }
          }
          return ImmutableList.copyOf(leases);
        });
  }

  /** Every holding, in order of acquisition. */
  public ImmutableList<Holding> history() {
    return database.read(
        sql -> {
          List<Holding> holdings = new ArrayList<>();
          try (PreparedStatement select =
                  DaemonDatabase.prepare(sql, "SELECT * FROM lease_history ORDER BY id");
              ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              String released = rows.getString("released_at");
              holdings.add(
                  new Holding(
                      rows.getString("pool_uuid"),
                      rows.getString("holder"),
                      rows.getString("purpose"),
                      Instant.parse(rows.getString("acquired_at")),
                      released == null ? Optional.empty() : Optional.of(Instant.parse(released))));
            }
          }
          return ImmutableList.copyOf(holdings);
        });
  }

  private static Optional<Lease> lease(Connection sql, String pool) throws SQLException {
    try (PreparedStatement select =
            DaemonDatabase.prepare(sql, "SELECT * FROM pool_leases WHERE pool_uuid = ?", pool);
        ResultSet rows = select.executeQuery()) {
      return rows.next() ? Optional.of(leaseOf(rows)) : Optional.empty();
    }
  }

  private static Lease leaseOf(ResultSet rows) throws SQLException {
    return new Lease(
        rows.getString("pool_uuid"),
        rows.getString("holder"),
        rows.getString("purpose"),
        Instant.ofEpochMilli(rows.getLong("expires_at")));
  }

  private static void closeHistory(Connection sql, String pool, Instant end) throws SQLException {
    try (PreparedStatement update =
        DaemonDatabase.prepare(
            sql,
            "UPDATE lease_history SET released_at = ? WHERE pool_uuid = ? AND released_at IS NULL",
            end.toString(),
            pool)) {
      update.executeUpdate();
    }
  }
}

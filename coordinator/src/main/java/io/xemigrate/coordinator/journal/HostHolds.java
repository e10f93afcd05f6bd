package io.xemigrate.coordinator.journal;

import com.google.common.collect.ImmutableList;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The hosts a run disabled and what it did to them since (table {@code run_hosts}), so that the end
 * of the run, {@code host-restore} and a resumed run know which hosts to enable again.
 */
final class HostHolds {
  private final JournalDatabase database;
  private final Clock clock;

  HostHolds(JournalDatabase database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /**
   * Records what a run did to a host it disabled. {@code DISABLED} is written before the call, so
   * that after a crash {@code host-restore} knows the host may be disabled by this run.
   */
  public void holdHost(String runId, String poolUuid, String hostUuid, RunHost.HostState state) {
    database.inTransaction(
        () -> {
          try (PreparedStatement upsert =
              database
                  .connection()
                  .prepareStatement(
                      "INSERT INTO run_hosts VALUES (?, ?, ?, ?, ?) ON CONFLICT (run_id, host_uuid)"
                          + " DO UPDATE SET state = excluded.state,"
                          + " updated_at = excluded.updated_at")) {
            upsert.setString(1, runId);
            upsert.setString(2, poolUuid);
            upsert.setString(3, hostUuid);
            upsert.setString(4, state.name());
            upsert.setString(5, clock.instant().toString());
            upsert.executeUpdate();
          }
        });
  }

  /** The hosts a run disabled, in host UUID order. */
  public ImmutableList<RunHost> hosts(String runId) {
    return database.query(
        "SELECT * FROM run_hosts WHERE run_id = ? ORDER BY host_uuid",
        rows -> {
          List<RunHost> hosts = new ArrayList<>();
          while (rows.next()) {
            hosts.add(
                new RunHost(
                    rows.getString("run_id"),
                    rows.getString("pool_uuid"),
                    rows.getString("host_uuid"),
                    RunHost.HostState.valueOf(rows.getString("state"))));
          }
          return ImmutableList.copyOf(hosts);
        },
        runId);
  }
}

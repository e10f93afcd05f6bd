package io.xemigrate.daemon.api;

import io.xemigrate.coordinator.batch.PoolGate;
import io.xemigrate.coordinator.journal.StoreLocation;
import io.xemigrate.coordinator.pools.PoolConnector;
import io.xemigrate.coordinator.pools.PoolDirectory;
import io.xemigrate.coordinator.run.RunOptions;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What the HTTP API works with: the pools it may plan for and connect to, the journal database
 * (plans are stored beside the runs), the daemon's jobs and pool leases, and the event hub that
 * feeds the event stream and the metrics.
 *
 * @param database the journal's database (SQLite file or PostgreSQL); the API opens its own
 *     connection to it
 * @param runOptions how API-started runs behave
 */
public record ApiServices(
    PoolDirectory pools,
    PoolConnector connector,
    StoreLocation database,
    JobsPort jobs,
    PoolGate gate,
    EventHub events,
    Clock clock,
    RunOptions runOptions) {

  /** Services on an SQLite file. */
  public ApiServices(
      PoolDirectory pools,
      PoolConnector connector,
      Path database,
      JobsPort jobs,
      PoolGate gate,
      EventHub events,
      Clock clock,
      RunOptions runOptions) {
    this(pools, connector, StoreLocation.file(database), jobs, gate, events, clock, runOptions);
  }

  /** Services with the system clock and the default run options. */
  public static ApiServices of(
      PoolDirectory pools,
      PoolConnector connector,
      Path database,
      JobsPort jobs,
      PoolGate gate,
      EventHub events) {
    return of(pools, connector, StoreLocation.file(database), jobs, gate, events);
  }

  /** As above, on any database. */
  public static ApiServices of(
      PoolDirectory pools,
      PoolConnector connector,
      StoreLocation database,
      JobsPort jobs,
      PoolGate gate,
      EventHub events) {
    return new ApiServices(
        pools, connector, database, jobs, gate, events, Clock.systemUTC(), RunOptions.defaults());
  }
}

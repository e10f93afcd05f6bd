package io.xemigrate.daemon;

import io.xemigrate.coordinator.journal.StoreLocation;
import io.xemigrate.coordinator.pools.PoolConnector;
import io.xemigrate.coordinator.pools.PoolDirectory;
import io.xemigrate.coordinator.run.RunListener;
import io.xemigrate.coordinator.run.RunOptions;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What a daemon works with besides its configuration: the pools, the database (journal and job
 * tables; an SQLite file or PostgreSQL), the clock every decision reads (tests pass a controllable
 * one), where run progress goes, and the run options each job's limits and window refine (tests add
 * a journal hook).
 */
public record DaemonServices(
    PoolDirectory directory,
    PoolConnector connector,
    StoreLocation database,
    Clock clock,
    RunListener listener,
    RunOptions baseOptions) {

  /** Services on an SQLite file. */
  public DaemonServices(
      PoolDirectory directory,
      PoolConnector connector,
      Path database,
      Clock clock,
      RunListener listener,
      RunOptions baseOptions) {
    this(directory, connector, StoreLocation.file(database), clock, listener, baseOptions);
  }
}

package io.xemigrate.daemon;

import io.xemigrate.coordinator.pools.PoolConnector;
import io.xemigrate.coordinator.pools.PoolDirectory;
import io.xemigrate.coordinator.run.RunListener;
import io.xemigrate.coordinator.run.RunOptions;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What a daemon works with besides its configuration: the pools, the database file (journal and job
 * tables), the clock every decision reads (tests pass a controllable one), where run progress goes,
 * and the run options each job's limits and window refine (tests add a journal hook).
 */
public record DaemonServices(
    PoolDirectory directory,
    PoolConnector connector,
    Path database,
    Clock clock,
    RunListener listener,
    RunOptions baseOptions) {}

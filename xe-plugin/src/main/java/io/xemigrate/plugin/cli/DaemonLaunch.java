package io.xemigrate.plugin.cli;

import io.xemigrate.coordinator.pools.ConfigPaths;
import io.xemigrate.coordinator.pools.PoolConnector;
import io.xemigrate.coordinator.pools.PoolDirectory;
import io.xemigrate.coordinator.run.RunListener;
import io.xemigrate.coordinator.run.RunOptions;
import io.xemigrate.daemon.DaemonConfig;
import io.xemigrate.daemon.DaemonServices;
import io.xemigrate.daemon.JobAction;
import io.xemigrate.daemon.JobSpec;
import java.time.Clock;
import java.util.Map;

/**
 * Builds a daemon's services from its configuration for {@code serve} and {@code job-run config=}:
 * the pool profile file (every job's pools must be in it: checked here, one line naming the
 * configuration's line), the connector, the database.
 */
final class DaemonLaunch {
  private DaemonLaunch() {}

  static DaemonServices services(DaemonConfig config, Console console, RunListener listener) {
    Map<String, String> environment = System.getenv();
    PoolDirectory directory = PoolDirectory.load(config.pools());
    for (JobSpec job : config.jobs()) {
      if (job.action() == JobAction.RESTORE) {
        continue;
      }
      check(config, job, directory, "source", job.source());
      job.destination().ifPresent(pool -> check(config, job, directory, "destination", pool));
    }
    PoolConnector connector =
        new PoolConnector(
            ConfigPaths.fromEnvironment(environment),
            environment,
            warning -> console.err().println("xe-migrate: warning: " + warning));
    return new DaemonServices(
        directory,
        connector,
        config.database().orElseGet(DatabaseArgument::dataDirectory),
        Clock.systemUTC(),
        listener,
        RunOptions.defaults());
  }

  private static void check(
      DaemonConfig config, JobSpec job, PoolDirectory directory, String key, String pool) {
    if (directory.profiles().stream().noneMatch(profile -> profile.answersTo(pool))) {
      throw new UsageException(
          "config "
              + config.file()
              + ":"
              + job.line()
              + ": "
              + key
              + " pool '"
              + pool
              + "' of job '"
              + job.name()
              + "' is not in the pool profile file "
              + config.pools());
    }
  }
}

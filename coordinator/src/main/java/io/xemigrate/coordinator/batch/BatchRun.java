package io.xemigrate.coordinator.batch;

import com.google.common.collect.ImmutableList;
import io.xemigrate.coordinator.pools.PoolProfile;
import io.xemigrate.coordinator.run.RunListener;
import io.xemigrate.coordinator.run.RunOptions;
import io.xemigrate.planner.plan.MigrationPlan;
import java.util.List;
import java.util.Optional;

/**
 * One run of a planned batch, as the command line, the HTTP API and the daemon ask for it.
 *
 * @param runId the journal's name of the run
 * @param plan the scheduled plan
 * @param source the profile of the plan's source pool
 * @param destination the profile of its destination pool (the same for a move inside one pool)
 * @param hostsToDisable source hosts (UUIDs or names) disabled before the moves, so nothing new
 *     lands on them (an evacuation); empty otherwise
 * @param maintenance leave those hosts disabled and marked after a run that did not fail
 * @param releasesHostsOf an evacuation whose held hosts are enabled before the moves (a restore
 *     moves the VMs back to them)
 * @param options limits and the start deadline
 * @param listener progress: the terminal, the API's event stream, the daemon's metrics
 */
public record BatchRun(
    String runId,
    MigrationPlan plan,
    PoolProfile source,
    PoolProfile destination,
    ImmutableList<String> hostsToDisable,
    boolean maintenance,
    Optional<String> releasesHostsOf,
    RunOptions options,
    RunListener listener) {

  /** A run of {@code plan} that holds no host, with default limits and no listener. */
  public static BatchRun of(
      String runId, MigrationPlan plan, PoolProfile source, PoolProfile destination) {
    return new BatchRun(
        runId,
        plan,
        source,
        destination,
        ImmutableList.of(),
        false,
        Optional.empty(),
        RunOptions.defaults(),
        RunListener.none());
  }

  public BatchRun withHostsToDisable(List<String> hosts, boolean keepInMaintenance) {
    return new BatchRun(
        runId,
        plan,
        source,
        destination,
        ImmutableList.copyOf(hosts),
        keepInMaintenance,
        releasesHostsOf,
        options,
        listener);
  }

  public BatchRun withReleasesHostsOf(String evacuation) {
    return new BatchRun(
        runId,
        plan,
        source,
        destination,
        hostsToDisable,
        maintenance,
        Optional.of(evacuation),
        options,
        listener);
  }

  public BatchRun withOptions(RunOptions runOptions) {
    return new BatchRun(
        runId,
        plan,
        source,
        destination,
        hostsToDisable,
        maintenance,
        releasesHostsOf,
        runOptions,
        listener);
  }

  public BatchRun withListener(RunListener runListener) {
    return new BatchRun(
        runId,
        plan,
        source,
        destination,
        hostsToDisable,
        maintenance,
        releasesHostsOf,
        options,
        runListener);
  }
}

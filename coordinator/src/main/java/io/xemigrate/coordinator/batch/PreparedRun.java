package io.xemigrate.coordinator.batch;

import com.google.common.collect.ImmutableList;
import io.xemigrate.coordinator.journal.Journal;
import io.xemigrate.coordinator.journal.RunRecord.RunStatus;
import io.xemigrate.coordinator.run.HostMaintenance;
import io.xemigrate.coordinator.run.PoolSide;
import io.xemigrate.coordinator.run.RunCoordinator;
import io.xemigrate.coordinator.run.RunSummary;
import io.xemigrate.xapi.PoolClient;
import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.PoolInventory;
import java.util.List;

/**
 * A batch whose pools are taken and connected and whose plan still fits its pool: {@link #run}
 * holds the hosts, runs the moves and releases the hosts; {@link #close} disconnects and gives the
 * pools back. {@link #coordinator} is there to cancel it.
 */
public final class PreparedRun implements AutoCloseable {
  private final BatchRun batch;
  private final Journal journal;
  private final PoolSide source;
  private final PoolSide destination;
  private final RunCoordinator coordinator;
  private final HostsFirstListener listener;
  private final List<PoolClient> clients;
  private final AutoCloseable lease;

  PreparedRun(
      BatchRun batch,
      Journal journal,
      PoolSide source,
      PoolSide destination,
      RunCoordinator coordinator,
      HostsFirstListener listener,
      List<PoolClient> clients,
      AutoCloseable lease) {
    this.batch = batch;
    this.journal = journal;
    this.source = source;
    this.destination = destination;
    this.coordinator = coordinator;
    this.listener = listener;
    this.clients = List.copyOf(clients);
    this.lease = lease;
  }

  public String runId() {
    return batch.runId();
  }

  public RunCoordinator coordinator() {
    return coordinator;
  }

  /**
   * Enables the hosts of the evacuation it restores, disables its own hosts, runs the moves and,
   * whatever their end, releases its hosts ({@link HostMaintenance#finish}); only then does its
   * listener hear that the run finished.
   */
  public RunSummary run() {
    batch
        .releasesHostsOf()
        .ifPresent(
            evacuation -> HostMaintenance.release(evacuation, destination.client(), journal));
    RunSummary summary = null;
    try {
      if (!batch.hostsToDisable().isEmpty()) {
        PoolInventory pool = source.fresh();
        HostMaintenance.disable(
            batch.runId(),
            source.client(),
            pool,
            hostUuids(pool, batch.hostsToDisable()),
            journal,
            batch.maintenance());
      }
      summary = coordinator.apply(batch.runId(), batch.plan());
      return summary;
    } finally {
      boolean failed = summary == null || summary.status() != RunStatus.SUCCEEDED;
      try {
        HostMaintenance.finish(
            batch.runId(), source.client(), journal, batch.maintenance(), failed);
      } finally {
        // The run's end is told once its hosts are as it leaves them.
        listener.hostsSettled();
      }
    }
  }

  /** Whether the run left hosts disabled in maintenance mode. */
  public boolean hostsKept() {
    return !HostMaintenance.held(batch.runId(), journal).isEmpty();
  }

  @Override
  public void close() {
    clients.forEach(PoolClient::close);
    try {
      lease.close();
    } catch (Exception e) {
      throw new IllegalStateException("cannot give back the pools of run " + batch.runId(), e);
    }
  }

  private static ImmutableList<String> hostUuids(PoolInventory pool, List<String> hosts) {
    return pool.hosts().values().stream()
        .filter(host -> hosts.contains(host.uuid()) || hosts.contains(host.nameLabel()))
        .map(Host::uuid)
        .collect(ImmutableList.toImmutableList());
  }
}

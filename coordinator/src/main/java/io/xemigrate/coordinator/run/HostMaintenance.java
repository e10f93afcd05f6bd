package io.xemigrate.coordinator.run;

import com.google.common.collect.ImmutableList;
import io.xemigrate.coordinator.journal.Journal;
import io.xemigrate.coordinator.journal.RunHost;
import io.xemigrate.coordinator.journal.RunHost.HostState;
import io.xemigrate.xapi.PoolClient;
import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.PoolInventory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hosts an evacuation disables, as XenCenter and Xen Orchestra do it
 * (docs/other-tools.md#xen-orchestra-maintenance, docs/other-tools.md#xencenter-maintenance):
 * {@code host.disable} before the moves so that nothing new lands on them; afterwards, in
 * maintenance mode, they stay disabled with XenCenter's {@code other_config:MAINTENANCE_MODE=true}
 * (the key both XenCenter and XO read) plus {@code xe-migrate-run=RUN}; otherwise they are enabled
 * again. Every step is journaled ({@link RunHost}), so {@code host-restore} enables exactly the
 * hosts this run disabled and never one that someone else disabled.
 */
public final class HostMaintenance {
  /** XenCenter's maintenance-mode marker in {@code host.other_config}. */
  public static final String MAINTENANCE_MODE = "MAINTENANCE_MODE";

  /** Which xe-migrate run put the host in maintenance mode. */
  public static final String RUN_KEY = "xe-migrate-run";

  private HostMaintenance() {}

  /**
   * Disables each of {@code hostUuids} that is enabled now; a host already disabled (by someone
   * else) is left alone and not recorded. Returns the hosts disabled.
   */
  public static ImmutableList<String> disable(
      String runId,
      PoolClient client,
      PoolInventory pool,
      List<String> hostUuids,
      Journal journal) {
    return disable(runId, client, pool, hostUuids, journal, false);
  }

  /**
   * As above, journaling whether the run leaves the hosts in maintenance mode at its end, so that a
   * run resumed after a crash ends the same way ({@link #resumedMaintenance}).
   */
  public static ImmutableList<String> disable(
      String runId,
      PoolClient client,
      PoolInventory pool,
      List<String> hostUuids,
      Journal journal,
      boolean maintenance) {
    HostState state = maintenance ? HostState.DISABLED_FOR_MAINTENANCE : HostState.DISABLED;
    List<String> disabled = new ArrayList<>();
    for (String uuid : hostUuids) {
      Optional<Host> host = pool.host(uuid);
      if (host.isEmpty() || !host.get().enabled()) {
        continue;
      }
      synchronized (journal) {
        journal.holdHost(runId, pool.pool().uuid(), uuid, state);
      }
      client.disableHost(uuid);
      disabled.add(uuid);
    }
    return ImmutableList.copyOf(disabled);
  }

  /**
   * At the end of the run: with {@code maintenance} and a run that did not fail, the hosts stay
   * disabled and are marked; otherwise (as XO does after a failed evacuation) they are enabled.
   *
   * @return whether the hosts were left in maintenance mode
   */
  public static boolean finish(
      String runId, PoolClient client, Journal journal, boolean maintenance, boolean runFailed) {
    boolean keep = maintenance && !runFailed;
    for (RunHost host : held(runId, journal)) {
      if (keep) {
        client.setHostOtherConfig(host.hostUuid(), MAINTENANCE_MODE, "true");
        client.setHostOtherConfig(host.hostUuid(), RUN_KEY, runId);
        record(journal, host, HostState.MAINTENANCE);
      } else {
        enable(client, journal, host);
      }
    }
    return keep;
  }

  /**
   * {@code host-restore}: enables the hosts the run disabled and still holds, and removes the
   * maintenance markers. Returns the hosts enabled.
   */
  public static ImmutableList<String> release(String runId, PoolClient client, Journal journal) {
    List<String> enabled = new ArrayList<>();
    for (RunHost host : held(runId, journal)) {
      enable(client, journal, host);
      enabled.add(host.hostUuid());
    }
    return ImmutableList.copyOf(enabled);
  }

  /**
   * The hosts a run disabled and did not release before it stopped (a crash, kill -9): still
   * disabled for the moves, neither enabled again nor left in maintenance mode.
   */
  public static ImmutableList<RunHost> unfinished(String runId, Journal journal) {
    return held(runId, journal).stream()
        .filter(host -> host.state() != HostState.MAINTENANCE)
        .collect(ImmutableList.toImmutableList());
  }

  /** Whether the interrupted run was asked to leave its hosts in maintenance mode. */
  public static boolean resumedMaintenance(String runId, Journal journal) {
    return held(runId, journal).stream()
        .anyMatch(host -> host.state() == HostState.DISABLED_FOR_MAINTENANCE);
  }

  /** The hosts the run disabled and has not enabled again. */
  public static ImmutableList<RunHost> held(String runId, Journal journal) {
    synchronized (journal) {
      return journal.hosts(runId).stream()
          .filter(host -> host.state() != HostState.ENABLED)
          .collect(ImmutableList.toImmutableList());
    }
  }

  private static void enable(PoolClient client, Journal journal, RunHost host) {
    if (host.state() == HostState.MAINTENANCE) {
      client.removeHostOtherConfig(host.hostUuid(), MAINTENANCE_MODE);
      client.removeHostOtherConfig(host.hostUuid(), RUN_KEY);
    }
    client.enableHost(host.hostUuid());
    record(journal, host, HostState.ENABLED);
  }

  private static void record(Journal journal, RunHost host, HostState state) {
    synchronized (journal) {
      journal.holdHost(host.runId(), host.poolUuid(), host.hostUuid(), state);
    }
  }
}

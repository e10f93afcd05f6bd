package io.xemigrate.coordinator.planning;

import io.xemigrate.planner.balance.PoolLoad;
import io.xemigrate.planner.schedule.PoolObservations;
import io.xemigrate.xapi.PoolClient;
import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.RrdUpdates;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a pool's recent RRDs into the planner's {@link PoolObservations} (NIC and disk traffic) and
 * {@link PoolLoad} (CPU and memory, for balancing): one {@code /rrd_updates} read per host.
 */
public final class PoolObservationsReader {
  private PoolObservationsReader() {}

  /**
   * Reads the last {@code windowSeconds} of every enabled host's RRD through {@code client}. A host
   * whose RRD cannot be read (an error answer, a transport failure, an unreadable export)
   * contributes nothing (its figures stay nominal).
   */
  public static PoolObservations read(PoolClient client, PoolInventory pool, long windowSeconds) {
    return PoolObservations.of(updates(client, pool, windowSeconds));
  }

  /** The hosts' and VMs' CPU and memory over the last {@code windowSeconds}, as {@link #read}. */
  public static PoolLoad load(PoolClient client, PoolInventory pool, long windowSeconds) {
    return PoolLoad.of(updates(client, pool, windowSeconds));
  }

  private static List<RrdUpdates> updates(
      PoolClient client, PoolInventory pool, long windowSeconds) {
    List<RrdUpdates> updates = new ArrayList<>();
    for (Host host : pool.hosts().values()) {
      try {
        updates.add(
            client.rrdUpdates(host.uuid(), -windowSeconds, PoolObservations.INTERVAL_SECONDS));
      } catch (RuntimeException e) {
        // RRD is a prior, not a requirement: an unreachable host keeps nominal figures.
      }
    }
    return updates;
  }
}

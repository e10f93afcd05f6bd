package io.xemigrate.coordinator.run;

import io.xemigrate.xapi.InventoryTracker;
import io.xemigrate.xapi.PoolClient;
import io.xemigrate.xapi.model.PoolInventory;
import java.time.Duration;

/**
 * One pool as the run loop sees it: its client and a snapshot kept current by {@code event.from}
 * (no polling). The tracker is confined to one thread at a time, so every read is synchronized.
 */
public final class PoolSide {
  /** How long one refresh may wait for events (virtual seconds on the simulator). */
  private static final Duration REFRESH_WAIT = Duration.ofMillis(1);

  private final PoolClient client;
  private final InventoryTracker tracker;

  private PoolSide(PoolClient client, InventoryTracker tracker) {
    this.client = client;
    this.tracker = tracker;
  }

  /** Loads the pool once and follows it from there. */
  public static PoolSide open(PoolClient client) {
    PoolInventory start = client.loadInventory();
    return new PoolSide(client, client.track(start));
  }

  public PoolClient client() {
    return client;
  }

  /** The snapshot with every change the pool reported so far applied. */
  public synchronized PoolInventory fresh() {
    return tracker.next(REFRESH_WAIT);
  }

  /** Waits up to {@code wait} for the next change, then returns the snapshot. */
  public synchronized PoolInventory awaitChange(Duration wait) {
    return tracker.next(wait);
  }

  public String poolUuid() {
    return tracker.current().pool().uuid();
  }
}

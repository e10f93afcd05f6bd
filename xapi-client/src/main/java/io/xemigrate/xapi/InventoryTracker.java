package io.xemigrate.xapi;

import io.xemigrate.xapi.model.PoolInventory;
import java.time.Duration;

/**
 * Keeps a {@link PoolInventory} current from {@code event.from}, without polling: each {@link
 * #next} is one call that blocks on the server until something changes or the wait ends. Confined
 * to one thread.
 */
public interface InventoryTracker {

  /** The latest snapshot. */
  PoolInventory current();

  /**
   * Waits up to {@code wait} for changes and returns the new snapshot (the same one when nothing
   * changed).
   */
  PoolInventory next(Duration wait);

  /** How many events were applied so far. */
  long eventsApplied();
}

package io.xemigrate.planner.plan;

import io.xemigrate.xapi.model.PoolInventory;

/**
 * Which inventory snapshot a plan was computed from, so that the executor can tell a stale plan:
 * the pool, its {@code event.from} token and the capture time.
 *
 * @param capturedAt ISO-8601, for example {@code 2026-11-26T04:00:00Z}
 */
public record InventoryIdentity(
    String poolUuid, String poolName, String eventToken, String capturedAt) {

  public static InventoryIdentity of(PoolInventory inventory) {
    return new InventoryIdentity(
        inventory.pool().uuid(),
        inventory.pool().nameLabel(),
        inventory.eventToken(),
        inventory.capturedAt().toString());
  }
}

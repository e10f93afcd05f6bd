package io.xemigrate.planner;

import io.xemigrate.xapi.model.PoolInventory;

/**
 * Everything a plan is a function of.
 *
 * @param source the pool the VMs are in
 * @param destination the pool they go to: the same inventory (same pool UUID) for moves inside a
 *     pool
 */
public record PlanningInput(
    PoolInventory source,
    PoolInventory destination,
    MigrationRequest request,
    Overrides overrides) {

  public boolean intraPool() {
    return source.pool().uuid().equals(destination.pool().uuid());
  }
}

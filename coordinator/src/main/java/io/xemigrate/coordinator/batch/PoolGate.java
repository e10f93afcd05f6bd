package io.xemigrate.coordinator.batch;

import java.util.Set;

/**
 * Takes the pools of a run so that no other run moves VMs in them at the same time: the daemon's
 * leases, shared by every daemon of a site and by the command line (which builds its gate over the
 * same lease table); none where the caller already holds the pools (a job run).
 */
@FunctionalInterface
public interface PoolGate {
  /**
   * Takes every pool in {@code poolUuids} for {@code holder} (a run id), or none of them.
   *
   * @throws io.xemigrate.coordinator.CoordinatorException {@code CONFLICT} ({@code POOL_BUSY}) when
   *     another run holds one of the pools
   */
  AutoCloseable acquire(Set<String> poolUuids, String holder);

  /**
   * No gate: every acquire succeeds (the caller holds the pools already, or nothing shares them).
   */
  static PoolGate none() {
    return (pools, holder) -> () -> {};
  }
}

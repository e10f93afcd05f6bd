package io.xemigrate.daemon.api;

import java.util.Set;

/**
 * Keeps two runs from acting on one pool at once. The daemon implements it with leases in its
 * database; API-started runs acquire the pools they touch before they start and close the returned
 * handle when they end.
 */
public interface PoolGate {
  /**
   * Takes every pool in {@code poolUuids} for {@code holder} (a run id), or none of them.
   *
   * @throws ApiException 409 {@code POOL_BUSY} when another run holds one of the pools
   */
  AutoCloseable acquire(Set<String> poolUuids, String holder);

  /** No gate: every acquire succeeds (a single process with no daemon leases). */
  static PoolGate none() {
    return (pools, holder) -> () -> {};
  }
}

package io.xemigrate.simulator.migration;

import io.xemigrate.simulator.rpc.PoolRuntime;
import io.xemigrate.simulator.store.XapiRecord;

/**
 * Where a {@code migrate_send} goes, once {@code dest} is resolved.
 *
 * @param crossPool whether the destination host is unknown to the sender's database
 *     (docs/xapi-behaviour.md#migrate-receive)
 * @param pool the destination pool (the source pool itself inside a pool)
 * @param host the destination host record, read in the destination pool
 * @param dest the parsed {@code dest} map
 */
record MigrationTarget(boolean crossPool, PoolRuntime pool, XapiRecord host, DestinationMap dest) {

  PoolView view() {
    return new PoolView(pool.store());
  }
}

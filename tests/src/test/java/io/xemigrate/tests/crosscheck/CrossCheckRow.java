package io.xemigrate.tests.crosscheck;

import io.xemigrate.planner.Overrides;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.Vm;

/**
 * One row of the cross-check: a VM of pool-a, a destination host, the overrides, the code the
 * planner must predict, and the call whose refusal must carry that code.
 *
 * @param vm a VM name-label in pool-a, or {@code dom0@<host>} for a host's control domain
 * @param host a host name-label in the destination pool
 */
record CrossCheckRow(
    String name,
    Family family,
    String vm,
    String host,
    OverridesFor overrides,
    String code,
    XapiCall call) {

  /** The row's overrides, which may name the VM's own disks and NICs. */
  @FunctionalInterface
  interface OverridesFor {
    Overrides of(Vm vm, PoolInventory source);
  }

  /** Where the VM goes: to pool-b, or to another host of pool-a. */
  enum Family {
    CROSS_POOL,
    INTRA_POOL
  }

  /** The call xapi makes refuse the move. */
  enum XapiCall {
    /** {@code host.migrate_receive} on the destination: the transfer network's errors. */
    MIGRATE_RECEIVE,
    /** {@code VM.assert_can_migrate} with the plan's maps. */
    ASSERT_CAN_MIGRATE,
    /**
     * {@code VM.migrate_send}: lifecycle checks run when the operation starts
     * (docs/xapi-behaviour.md#lifecycle-checks).
     */
    MIGRATE_SEND,
    /** {@code VM.pool_migrate}: the intra-pool lifecycle checks. */
    POOL_MIGRATE
  }

  static CrossCheckRow cross(String name, String vm, String host, String code, XapiCall call) {
    return new CrossCheckRow(
        name, Family.CROSS_POOL, vm, host, (subject, source) -> Overrides.none(), code, call);
  }

  static CrossCheckRow intra(String name, String vm, String host, String code, XapiCall call) {
    return new CrossCheckRow(
        name, Family.INTRA_POOL, vm, host, (subject, source) -> Overrides.none(), code, call);
  }

  CrossCheckRow with(OverridesFor newOverrides) {
    return new CrossCheckRow(name, family, vm, host, newOverrides, code, call);
  }

  @Override
  public String toString() {
    return name;
  }
}

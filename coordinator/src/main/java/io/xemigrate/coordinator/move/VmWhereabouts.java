package io.xemigrate.coordinator.move;

/** Where a VM was found when both pools were read, relative to the move's plan. */
public enum VmWhereabouts {
  /** Running on the planned source host, as the plan expects before the move. */
  ON_SOURCE_RUNNING,
  /** Present on the source but not running (halted or suspended). */
  ON_SOURCE_NOT_RUNNING,
  /** Running on the planned destination host. */
  ON_DESTINATION,
  /** Running in the destination pool, but on another host than planned. */
  ON_DESTINATION_OTHER_HOST,
  /** Running in the source pool, on another host than the plan's source. */
  ON_SOURCE_OTHER_HOST,
  /** A record exists in both pools (a failed cross-pool move can leave one). */
  IN_BOTH_POOLS,
  /** Neither pool knows the VM. */
  NOWHERE
}

package io.xemigrate.planner.schedule;

/** The steps of one move, as the simulation walks them. */
enum MovePhase {
  /** Fixed cost before the first byte (checks, receiving domain, cross-pool metadata). */
  SETUP,
  /** Fixed cost before one disk's copy (snapshot, datapath, SR scan). */
  DISK_SETUP,
  /** One disk's bytes crossing both NICs and both SRs. */
  DISK_COPY,
  /** A live pre-copy round. */
  LIVE_ROUND,
  /** The stop-and-copy round: the VM is paused. */
  PAUSED_ROUND,
  /** Resume on the destination: the fixed part of the downtime. */
  SWITCH_OVER;

  /** Whether this step moves bytes (and so takes a share of the links). */
  boolean transfers() {
    return switch (this) {
      case DISK_COPY, LIVE_ROUND, PAUSED_ROUND -> true;
      case SETUP, DISK_SETUP, SWITCH_OVER -> false;
    };
  }
}

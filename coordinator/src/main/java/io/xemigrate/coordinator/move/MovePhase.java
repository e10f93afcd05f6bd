package io.xemigrate.coordinator.move;

/**
 * The closed set of phases of one planned move. A move advances one phase per step, driven by
 * {@link MoveTransitions#next}; the phase is journaled before and after each action.
 *
 * <pre>
 * PENDING ─► RECEIVING ─► VALIDATING ─► MIGRATING ─► VERIFYING ─► SUCCEEDED
 *    │            │            │           │  ▲          │  ▲
 *    │            │            │           │  └ waiting  ▼  │
 *    │            │            │           ▼   for slot  REATTACHING
 *    └────────────┴────────────┴──► FAILED / CANCELLED / SKIPPED / NEEDS_RECONCILE
 * </pre>
 */
public enum MovePhase {
  /** Planned, nothing done yet. Next: re-check the live state. */
  PENDING,
  /** Asking the destination for a receive token ({@code host.migrate_receive}). */
  RECEIVING,
  /** Asking the source pool whether the move can work ({@code VM.assert_can_migrate}). */
  VALIDATING,
  /** The toolstack owns the move: a {@code migrate_send} or {@code pool_migrate} task runs. */
  MIGRATING,
  /** Reading the destination: VM on the planned host, VIFs attached with their MACs, disks. */
  VERIFYING,
  /** Plugging VIFs that the destination left detached. */
  REATTACHING,
  /**
   * The migration failed after xapi halted the VM on its source (a failure after stop-and-copy):
   * starting it there again, so that no VM is left down.
   */
  RECOVERING,
  /** Done and verified. */
  SUCCEEDED,
  /** Nothing to do: the VM was already where the plan wanted it. */
  SKIPPED,
  /** The move failed cleanly: the VM still runs on its source. */
  FAILED,
  /** The user cancelled before the toolstack finished; the VM runs on its source. */
  CANCELLED,
  /**
   * The outcome could not be settled from what both pools show (the ambiguous last handshake):
   * nothing is retried until an administrator or {@code run-resume} reads both pools again.
   */
  NEEDS_RECONCILE;

  /** Whether no further step will happen in this run. */
  public boolean isFinal() {
    return switch (this) {
      case SUCCEEDED, SKIPPED, FAILED, CANCELLED, NEEDS_RECONCILE -> true;
      case PENDING, RECEIVING, VALIDATING, MIGRATING, VERIFYING, REATTACHING, RECOVERING -> false;
    };
  }

  /**
   * Whether the toolstack may already be moving the VM. From here on a call that moves the VM is
   * never sent again, and a cancel means {@code Task.cancel} followed by a fresh observation.
   */
  public boolean isHandedOff() {
    return switch (this) {
      case MIGRATING, VERIFYING, REATTACHING, SUCCEEDED, NEEDS_RECONCILE -> true;
      case PENDING, RECEIVING, VALIDATING, RECOVERING, SKIPPED, FAILED, CANCELLED -> false;
    };
  }
}

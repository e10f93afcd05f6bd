package io.xemigrate.simulator.migration;

import io.xemigrate.simulator.physics.MigrationPhase;
import java.util.Optional;

/** The faults the simulator can inject (issue part 6; docs/failure-semantics.md#failure-points). */
public enum FaultKind {
  /** A disk copy fails; the remote VDIs are destroyed, the VM keeps running on the source. */
  FAIL_DISK_COPY,
  /** tapdisk's NBD mirror breaks: {@code MIRROR_FAILED [vdi]}. */
  MIRROR_FAILED,
  /** The real metadata import fails; the destination rolls back. */
  FAIL_METADATA_IMPORT,
  /** The memory stream breaks during pre-copy; the stale destination VM is destroyed. */
  FAIL_MEMORY_PRECOPY,
  /** The migration fails after the source was suspended: the VM ends Halted on the source. */
  FAIL_AFTER_SUSPEND,
  /** Synchronisation point 4: the VM runs on the destination, yet the task fails. */
  FAIL_FINAL_HANDSHAKE,
  /** Clean-up of the source fails silently: the task succeeds, source leftovers remain. */
  FAIL_CLEANUP,
  /** A host refuses and resets connections for a while ({@code CANNOT_CONTACT_HOST}). */
  REFUSE_CONNECTIONS,
  /**
   * The next {@code count} requests reaching a host's endpoint are read, then their connection is
   * closed without an answer: before the call runs, or after it ran ({@code afterDispatch}).
   */
  RESET_RPC_CONNECTIONS,
  /** A host's NICs run at a fraction of their bandwidth for a while. */
  SLOW_NIC,
  /** The pool's master moves to another host; sessions and tasks are lost. */
  MASTER_FAILOVER,
  /** xapi restarts on the master: sessions and tasks are lost (migrations carry on). */
  TOOLSTACK_RESTART,
  /** Another VM takes memory on a host. */
  TAKE_DESTINATION_MEMORY,
  /** Every session of the pool expires. */
  EXPIRE_SESSIONS;

  /** The migration phase at whose start a one-shot migration fault fires. */
  Optional<MigrationPhase> phase() {
    return switch (this) {
      case FAIL_DISK_COPY, MIRROR_FAILED -> Optional.of(MigrationPhase.DISK_COPY);
      case FAIL_METADATA_IMPORT -> Optional.of(MigrationPhase.METADATA_IMPORT);
      case FAIL_MEMORY_PRECOPY -> Optional.of(MigrationPhase.MEMORY_PRECOPY);
      case FAIL_AFTER_SUSPEND -> Optional.of(MigrationPhase.STOP_AND_COPY);
      case FAIL_FINAL_HANDSHAKE -> Optional.of(MigrationPhase.SWITCH_OVER);
      case FAIL_CLEANUP -> Optional.of(MigrationPhase.DONE);
      case REFUSE_CONNECTIONS,
          RESET_RPC_CONNECTIONS,
          SLOW_NIC,
          MASTER_FAILOVER,
          TOOLSTACK_RESTART,
          TAKE_DESTINATION_MEMORY,
          EXPIRE_SESSIONS ->
          Optional.empty();
    };
  }
}

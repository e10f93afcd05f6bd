package io.xemigrate.coordinator.move;

/**
 * The coordinator's own outcome codes, for final phases that no xapi error explains. xapi's codes
 * (VM_REQUIRES_SR, MIRROR_FAILED, ...) are passed through unchanged.
 */
public final class MoveOutcomes {
  private MoveOutcomes() {}

  /** The VM already ran on its planned destination: nothing was moved. */
  public static final String ALREADY_ON_DESTINATION = "ALREADY_ON_DESTINATION";

  /** The user cancelled. */
  public static final String USER_CANCELLED = "USER_CANCELLED";

  /**
   * The process was interrupted (Ctrl-C, SIGTERM) before the move could finish: the VM stayed where
   * it was, and {@code run-resume} starts the move again (unlike {@link #USER_CANCELLED}).
   */
  public static final String INTERRUPTED = "INTERRUPTED";

  /** The VM is not running any more on its source, so the plan no longer holds. */
  public static final String DRIFTED_NOT_RUNNING = "DRIFTED_NOT_RUNNING";

  /** The VM runs on another host than the plan's source. */
  public static final String DRIFTED_HOST = "DRIFTED_HOST";

  /** Neither pool knows the VM. */
  public static final String VM_NOT_FOUND = "VM_NOT_FOUND";

  /** Both pools hold a record of the VM. */
  public static final String VM_IN_BOTH_POOLS = "VM_IN_BOTH_POOLS";

  /** The migration call may have reached the server, but no task and no move can be seen. */
  public static final String MIGRATION_CALL_LOST = "MIGRATION_CALL_LOST";

  /** The sending host stayed full ({@code TOO_MANY_STORAGE_MIGRATES}) for too long. */
  public static final String NO_MIGRATION_SLOT = "NO_MIGRATION_SLOT";

  /** VIFs stayed detached on the destination after every plug attempt. */
  public static final String VIF_REATTACH_FAILED = "VIF_REATTACH_FAILED";

  /** A VIF of the plan (by MAC) is missing on the destination VM. */
  public static final String VIF_MISSING = "VIF_MISSING";

  /** The move ended, but some disks are not on their mapped SR (a warning on success). */
  public static final String DISKS_OFF_PLAN = "DISKS_OFF_PLAN";

  /** The VM runs in the destination pool, but on another host than planned (a warning). */
  public static final String LANDED_ON_OTHER_HOST = "LANDED_ON_OTHER_HOST";

  /** After the migration the VM is not in the destination pool. */
  public static final String NOT_ON_DESTINATION = "NOT_ON_DESTINATION";

  /** The VM was halted by the failed migration and could not be started on its source again. */
  public static final String RESTART_ON_SOURCE_FAILED = "RESTART_ON_SOURCE_FAILED";

  /** xapi's code for a sending host that already runs three storage migrations. */
  public static final String TOO_MANY_STORAGE_MIGRATES = "TOO_MANY_STORAGE_MIGRATES";
}

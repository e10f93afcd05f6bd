package io.xemigrate.coordinator.move;

/**
 * How persistent a move is. Data with documented defaults (style principle 18).
 *
 * @param crossPool whether the move goes to another pool (then it needs {@code
 *     host.migrate_receive} and {@code VM.migrate_send}); intra-pool moves without storage motion
 *     use {@code VM.pool_migrate}
 * @param maxSlotWaits how often a move may be refused with {@code TOO_MANY_STORAGE_MIGRATES} before
 *     it fails; default 20 (each wait lasts until another move on the host ends)
 * @param maxReattachAttempts how often {@code VIF.plug} is tried on a detached VIF; default 3
 */
public record MovePolicy(boolean crossPool, int maxSlotWaits, int maxReattachAttempts) {
  public static final int DEFAULT_MAX_SLOT_WAITS = 20;
  public static final int DEFAULT_MAX_REATTACH_ATTEMPTS = 3;

  public MovePolicy {
    if (maxSlotWaits < 0 || maxReattachAttempts < 0) {
      throw new IllegalArgumentException("limits must not be negative");
    }
  }

  public static MovePolicy defaults(boolean crossPool) {
    return new MovePolicy(crossPool, DEFAULT_MAX_SLOT_WAITS, DEFAULT_MAX_REATTACH_ATTEMPTS);
  }
}

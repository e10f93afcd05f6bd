package io.xemigrate.coordinator.move;

import com.google.common.collect.ImmutableList;

/**
 * The journaled state of one move.
 *
 * @param phase where the move is
 * @param slotWaits how many times the move waited for a migration slot
 * @param reattachAttempts how many times VIFs were plugged
 * @param outcomeCode for a final phase other than SUCCEEDED, the code that explains it
 * @param outcomeParams its parameters
 */
public record MoveState(
    String vmUuid,
    MovePhase phase,
    int slotWaits,
    int reattachAttempts,
    String outcomeCode,
    ImmutableList<String> outcomeParams) {

  public static MoveState pending(String vmUuid) {
    return new MoveState(vmUuid, MovePhase.PENDING, 0, 0, "", ImmutableList.of());
  }

  MoveState to(MovePhase next) {
    return new MoveState(vmUuid, next, slotWaits, reattachAttempts, outcomeCode, outcomeParams);
  }

  MoveState ending(MovePhase last, String code, ImmutableList<String> params) {
    return new MoveState(vmUuid, last, slotWaits, reattachAttempts, code, params);
  }

  /** Back to PENDING after a refusal for lack of a slot: the next attempt starts afresh. */
  MoveState waitingForSlot() {
    return new MoveState(
        vmUuid, MovePhase.PENDING, slotWaits + 1, reattachAttempts, "", ImmutableList.of());
  }

  MoveState reattaching() {
    return new MoveState(
        vmUuid, MovePhase.REATTACHING, slotWaits, reattachAttempts + 1, outcomeCode, outcomeParams);
  }
}

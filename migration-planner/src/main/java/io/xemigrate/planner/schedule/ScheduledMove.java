package io.xemigrate.planner.schedule;

import com.google.common.collect.ImmutableList;

/**
 * One entry of the dependency-ordered queue. The coordinator starts a move once every predecessor
 * has finished and a slot on its sending host is free; the predicted start and duration say when
 * that should happen if reality follows the prediction, not a fixed clock time.
 *
 * @param vmUuid the VM
 * @param sourceHostUuid the sending host
 * @param destinationHostUuid the receiving host
 * @param sequence the position in the queue (start order, 0-based)
 * @param slot the sending host's concurrency slot the move runs in (0-based)
 * @param predecessors the moves whose end frees what this move waits for (a slot, a link, an SR),
 *     by VM UUID, sorted
 * @param startSeconds predicted start, seconds after the batch starts
 * @param durationSeconds predicted duration, first step to switch-over
 * @param downtimeSeconds predicted pause (stop-and-copy plus switch-over)
 * @param liveRounds predicted live pre-copy rounds
 * @param converged whether pre-copy is predicted to converge before the round cap
 * @param exclusive whether the move was given an unshared stream because it would not converge on a
 *     shared link
 * @param bytesSent predicted bytes on the wire (disks and memory)
 * @param priority the move's priority
 */
public record ScheduledMove(
    String vmUuid,
    String sourceHostUuid,
    String destinationHostUuid,
    int sequence,
    int slot,
    ImmutableList<String> predecessors,
    double startSeconds,
    double durationSeconds,
    double downtimeSeconds,
    int liveRounds,
    boolean converged,
    boolean exclusive,
    double bytesSent,
    int priority) {

  /** Predicted end, seconds after the batch starts. */
  public double endSeconds() {
    return startSeconds + durationSeconds;
  }
}

package io.xemigrate.plugin.bench;

import java.util.Optional;

/**
 * What one move really did in the simulator: its recorded truth, in virtual seconds from the start
 * of the batch (the first migration's start).
 *
 * @param vmUuid the VM
 * @param startSeconds when its migration started
 * @param totalSeconds from its start to its switch-over
 * @param downtimeSeconds stop-and-copy plus switch-over
 * @param converged whether pre-copy ended under the dirty threshold, not at the round cap
 * @param failure why the call failed, empty when it succeeded (then the other figures are 0)
 */
public record ReplayedMove(
    String vmUuid,
    double startSeconds,
    double totalSeconds,
    double downtimeSeconds,
    boolean converged,
    Optional<String> failure) {

  /** When the move ended. */
  public double endSeconds() {
    return startSeconds + totalSeconds;
  }

  /** A move whose call failed or left no truth behind. */
  static ReplayedMove failed(String vmUuid, String why) {
    return new ReplayedMove(vmUuid, 0, 0, 0, false, Optional.of(why));
  }
}

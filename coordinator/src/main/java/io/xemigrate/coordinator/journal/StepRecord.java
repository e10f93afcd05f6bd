package io.xemigrate.coordinator.journal;

import java.time.Instant;

/**
 * One journaled step of a move: written as an intent before the action runs, and completed (done or
 * failed) after it. An intent without a completion is what a crash leaves behind.
 *
 * @param action the action's name, such as {@code StartMigration}; never its secret arguments
 * @param stage {@code intent}, {@code done} or {@code failed}
 * @param detail an xapi error code or a short note; never a token, password or session
 */
public record StepRecord(
    long id,
    String runId,
    String vmUuid,
    String phase,
    String action,
    Stage stage,
    String detail,
    Instant at) {

  /** Where a step stands. */
  public enum Stage {
    INTENT,
    DONE,
    FAILED
  }
}

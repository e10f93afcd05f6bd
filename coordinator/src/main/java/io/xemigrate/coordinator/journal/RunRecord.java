package io.xemigrate.coordinator.journal;

import java.time.Instant;

/**
 * A run: one application of a plan.
 *
 * @param planHash the plan's stable hash, so a resume can refuse a different plan
 * @param planJson the plan itself (plans hold no secrets)
 */
public record RunRecord(
    String runId, Instant createdAt, String planHash, String planJson, RunStatus status) {

  /** Where a run stands. */
  public enum RunStatus {
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED,
    NEEDS_RECONCILE
  }
}

package io.xemigrate.simulator.physics;

/** Why the live pre-copy stage ended (docs/migration-model.md#stop-rules). */
public enum StopReason {
  /** A live round was at or under the dirty-page threshold: pre-copy converged. */
  BELOW_THRESHOLD,
  /** The round cap was reached: the downtime is whatever the last live round left dirty. */
  ITERATION_LIMIT
}

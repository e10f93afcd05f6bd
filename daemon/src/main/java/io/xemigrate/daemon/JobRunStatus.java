package io.xemigrate.daemon;

/** Where a job run stands. */
public enum JobRunStatus {
  /** Due or requested; waits for its pools' lease. */
  PENDING,
  /** A daemon holds its pools' lease and runs it (or died running it: then it is resumed). */
  RUNNING,
  SUCCEEDED,
  /** Some move failed. */
  FAILED,
  /** Some moves did not start: the window closed, or the daemon was stopped. */
  CANCELLED,
  /** Some move must be settled by hand (see {@code run-show}). */
  NEEDS_RECONCILE,
  /** {@code blocked: abort} and some VM was blocked by the checks: nothing moved. */
  ABORTED,
  /** Not run: missed while the daemon was down, paused, or its window closed before it started. */
  SKIPPED;

  public boolean isFinal() {
    return switch (this) {
      case PENDING, RUNNING -> false;
      case SUCCEEDED, FAILED, CANCELLED, NEEDS_RECONCILE, ABORTED, SKIPPED -> true;
    };
  }
}

package io.xemigrate.xapi.model;

import com.google.common.collect.ImmutableList;

/**
 * A xapi task.
 *
 * @param progress 0 to 1
 * @param result the result on success (a reference or a value), or {@code ""}
 * @param errorInfo the error code and its parameters on failure
 */
public record Task(
    String uuid,
    String nameLabel,
    Status status,
    double progress,
    String result,
    ImmutableList<String> errorInfo) {

  /** xapi's task_status_type. */
  public enum Status {
    PENDING,
    SUCCESS,
    FAILURE,
    CANCELLING,
    CANCELLED;

    public boolean isFinal() {
      return switch (this) {
        case SUCCESS, FAILURE, CANCELLED -> true;
        case PENDING, CANCELLING -> false;
      };
    }
  }
}

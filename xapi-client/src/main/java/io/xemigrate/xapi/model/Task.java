package io.xemigrate.xapi.model;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A xapi task.
 *
 * @param progress 0 to 1
 * @param result the result on success (a reference or a value), or {@code ""}
 * @param errorInfo the error code and its parameters on failure
 * @param created when xapi created the task (its {@code created} field), when known
 * @param finished when it ended ({@code finished}; xapi shows the epoch while it runs), when known
 */
public record Task(
    String uuid,
    String nameLabel,
    Status status,
    double progress,
    String result,
    ImmutableList<String> errorInfo,
    Optional<Instant> created,
    Optional<Instant> finished) {

  /** A task whose times are not known. */
  public Task(
      String uuid,
      String nameLabel,
      Status status,
      double progress,
      String result,
      ImmutableList<String> errorInfo) {
    this(uuid, nameLabel, status, progress, result, errorInfo, Optional.empty(), Optional.empty());
  }

  /**
   * How long the task ran by xapi's own clock ({@code finished - created}): present once it ended
   * with both times known. xapi's times have whole seconds.
   */
  public Optional<Duration> duration() {
    if (!status.isFinal() || created.isEmpty() || finished.isEmpty()) {
      return Optional.empty();
    }
    Duration taken = Duration.between(created.get(), finished.get());
    return taken.isNegative() ? Optional.empty() : Optional.of(taken);
  }

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

package io.xemigrate.coordinator.run;

import com.google.common.collect.ImmutableList;
import io.xemigrate.coordinator.move.MovePhase;

/**
 * How one move ended.
 *
 * @param seconds time from the first step to the end, on the coordinator's clock
 */
public record MoveResult(
    String vmUuid,
    String vmName,
    MovePhase phase,
    String outcomeCode,
    ImmutableList<String> outcomeParams,
    double seconds) {

  public boolean ok() {
    return switch (phase) {
      case SUCCEEDED, SKIPPED -> true;
      case PENDING,
          RECEIVING,
          VALIDATING,
          MIGRATING,
          VERIFYING,
          REATTACHING,
          RECOVERING,
          FAILED,
          CANCELLED,
          NEEDS_RECONCILE ->
          false;
    };
  }
}

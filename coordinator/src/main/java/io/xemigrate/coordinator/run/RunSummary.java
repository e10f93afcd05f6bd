package io.xemigrate.coordinator.run;

import com.google.common.collect.ImmutableList;
import io.xemigrate.coordinator.journal.RunRecord.RunStatus;

/** The end of a run: its status and each move's result. */
public record RunSummary(
    String runId, RunStatus status, ImmutableList<MoveResult> results, double seconds) {

  public long failed() {
    return results.stream().filter(result -> !result.ok()).count();
  }
}

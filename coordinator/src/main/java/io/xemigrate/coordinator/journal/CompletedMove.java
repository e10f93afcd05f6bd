package io.xemigrate.coordinator.journal;

import java.util.OptionalDouble;

/**
 * What a finished move really took: the predictor's calibration data.
 *
 * @param bytesSent bytes the migration moved (disks and memory)
 * @param seconds the migration as xapi's task timed it ({@code finished - created}), or the whole
 *     move by the coordinator's clock when the task was lost
 * @param downtimeMillis how long the guest was paused, when known. xapi reports no downtime, so the
 *     coordinator records it as unknown (empty): a reader must never learn "0 ms" from it.
 */
public record CompletedMove(
    String runId,
    String vmUuid,
    String sourceHostUuid,
    String destinationHostUuid,
    long bytesSent,
    double seconds,
    OptionalDouble downtimeMillis) {

  /** A move whose downtime was measured (by a source other than xapi, such as the simulator). */
  public CompletedMove(
      String runId,
      String vmUuid,
      String sourceHostUuid,
      String destinationHostUuid,
      long bytesSent,
      double seconds,
      double downtimeMillis) {
    this(
        runId,
        vmUuid,
        sourceHostUuid,
        destinationHostUuid,
        bytesSent,
        seconds,
        OptionalDouble.of(downtimeMillis));
  }
}

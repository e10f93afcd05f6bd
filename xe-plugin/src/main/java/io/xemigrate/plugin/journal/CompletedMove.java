package io.xemigrate.plugin.journal;

/**
 * What a finished move really took: the predictor's calibration data.
 *
 * @param bytesSent bytes the migration moved (disks and memory)
 */
public record CompletedMove(
    String runId,
    String vmUuid,
    String sourceHostUuid,
    String destinationHostUuid,
    long bytesSent,
    double seconds,
    double downtimeMillis) {}

package io.xemigrate.daemon;

import java.time.Instant;
import java.util.Optional;

/**
 * One run of a job, as the database keeps it.
 *
 * @param id the job run's id ({@code JOB-yyyyMMddTHHmmssZ} for a scheduled occurrence, {@code
 *     JOB-now-...} for a requested run)
 * @param kind {@code scheduled} or {@code requested}
 * @param scheduledFor the occurrence (or the request's time); the window counts from it
 * @param holder the daemon instance that runs it, empty until one does
 * @param runId the journal run of its moves, empty until planned
 * @param detail one line: what happened
 */
public record JobRunRecord(
    String id,
    String job,
    String kind,
    Instant scheduledFor,
    Instant createdAt,
    Optional<Instant> startedAt,
    Optional<Instant> endedAt,
    JobRunStatus status,
    String holder,
    String runId,
    String detail) {

  public static final String SCHEDULED = "scheduled";
  public static final String REQUESTED = "requested";
}

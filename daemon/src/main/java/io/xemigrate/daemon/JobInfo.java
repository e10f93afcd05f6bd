package io.xemigrate.daemon;

import java.time.Instant;
import java.util.Optional;

/**
 * A job as {@code job-list} and the API show it.
 *
 * @param schedule the cron expression; empty text for a job the database knows but the given
 *     configuration does not
 * @param nextRun the next occurrence after now (shown even when paused: it will be skipped)
 */
public record JobInfo(
    String name,
    String schedule,
    String timeZone,
    String action,
    boolean paused,
    Optional<Instant> nextRun,
    Optional<JobRunRecord> lastRun) {}

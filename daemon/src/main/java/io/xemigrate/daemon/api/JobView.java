package io.xemigrate.daemon.api;

import java.util.Optional;

/**
 * A scheduled job as the API shows it.
 *
 * @param nextRun the next scheduled time, an ISO-8601 instant; empty when paused or never again
 * @param lastRunId the id of the job's latest job run, if any
 */
public record JobView(
    String name,
    String schedule,
    String timeZone,
    String action,
    boolean paused,
    Optional<String> nextRun,
    Optional<String> lastRunId) {}

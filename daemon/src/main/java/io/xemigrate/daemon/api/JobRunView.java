package io.xemigrate.daemon.api;

import java.util.Optional;

/**
 * One run of a scheduled job as the API shows it. Times are ISO-8601 instants.
 *
 * @param runId the coordinator run it started, if it got that far
 * @param detail one line saying why it ended so (skipped, blocked, window closed...)
 */
public record JobRunView(
    String id,
    String job,
    String scheduledFor,
    String startedAt,
    Optional<String> endedAt,
    String status,
    Optional<String> runId,
    String detail) {}

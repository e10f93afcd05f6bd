package io.xemigrate.daemon;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides what becomes of a job's occurrences between the last check and now: on time (within
 * {@link #GRACE} of the scheduled minute) it is due; later, it was missed (the daemon was down) and
 * runs late only with {@code missed: run-late} inside its window; a paused job's occurrence is
 * skipped. Only the newest occurrence is recorded; older ones missed with it are counted in its
 * detail (a daemon down for a month does not leave 40,000 rows for an every-minute job).
 */
final class Occurrences {
  /** How late a tick may see an occurrence and still call it on time. */
  static final Duration GRACE = Duration.ofMinutes(1);

  /** The decision about one occurrence. */
  record Occurrence(Instant at, JobRunStatus status, String detail) {}

  private Occurrences() {}

  static Optional<Occurrence> due(JobSpec job, Instant checkedUntil, Instant now, boolean paused) {
    Optional<Instant> next = job.next(checkedUntil);
    if (next.isEmpty() || next.get().isAfter(now)) {
      return Optional.empty();
    }
    Instant newest = next.get();
    int earlier = 0;
    for (Optional<Instant> after = job.next(newest);
        after.isPresent() && !after.get().isAfter(now);
        after = job.next(after.get())) {
      newest = after.get();
      earlier++;
    }
    String also = earlier == 0 ? "" : "; " + earlier + " earlier occurrence(s) missed too";
    if (paused) {
      return Optional.of(new Occurrence(newest, JobRunStatus.SKIPPED, "paused" + also));
    }
    if (now.isBefore(newest.plus(GRACE))) {
      return Optional.of(new Occurrence(newest, JobRunStatus.PENDING, "due" + also));
    }
    if (!job.runLate()) {
      return Optional.of(
          new Occurrence(
              newest, JobRunStatus.SKIPPED, "missed (daemon not running), missed: skip" + also));
    }
    if (!now.isBefore(job.startDeadline(newest))) {
      return Optional.of(
          new Occurrence(
              newest, JobRunStatus.SKIPPED, "missed (daemon not running), window closed" + also));
    }
    return Optional.of(
        new Occurrence(
            newest, JobRunStatus.PENDING, "missed, running late (missed: run-late)" + also));
  }
}

package io.xemigrate.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What becomes of an occurrence between the last check and now: due, late, skipped. */
class OccurrencesTest {
  @ParameterizedTest(name = "{0}..{1}, window {2}, run-late {3}, paused {4} -> {5} {6}")
  @CsvSource({
    // checked until,         now,                  window, runLate, paused, status, at
    "2026-06-01T09:59:59Z, 2026-06-01T10:00:00Z,  PT0S,  false, false, PENDING, 2026-06-01T10:00:00Z",
    "2026-06-01T09:59:59Z, 2026-06-01T10:00:59Z,  PT0S,  false, false, PENDING, 2026-06-01T10:00:00Z",
    "2026-06-01T09:00:00Z, 2026-06-01T10:30:00Z,  PT2H,  true,  false, PENDING, 2026-06-01T10:00:00Z",
    "2026-06-01T09:00:00Z, 2026-06-01T10:30:00Z,  PT0S,  false, false, SKIPPED, 2026-06-01T10:00:00Z",
    "2026-06-01T09:00:00Z, 2026-06-01T10:30:00Z,  PT15M, true,  false, SKIPPED, 2026-06-01T10:00:00Z",
    "2026-06-01T09:59:00Z, 2026-06-01T10:00:00Z,  PT0S,  false, true,  SKIPPED, 2026-06-01T10:00:00Z",
    // Down three days: only the newest occurrence is recorded.
    "2026-05-29T12:00:00Z, 2026-06-01T10:30:00Z,  PT1H,  true,  false, PENDING, 2026-06-01T10:00:00Z",
  })
  void decides(
      Instant checked,
      Instant now,
      Duration window,
      boolean runLate,
      boolean paused,
      JobRunStatus status,
      Instant at) {
    JobSpec job =
        new JobSpec(
            "daily",
            1,
            CronSchedule.parse("0 10 * * *"),
            ZoneOffset.UTC,
            JobAction.MOVE_TAGGED,
            "pool-a",
            ImmutableList.of(),
            "solo",
            "",
            Optional.of("pool-b"),
            Optional.empty(),
            0,
            3,
            window.isZero() ? Optional.empty() : Optional.of(window),
            false,
            false,
            runLate);

    Optional<Occurrences.Occurrence> due = Occurrences.due(job, checked, now, paused);

    assertThat(due).get().extracting(Occurrences.Occurrence::status).isEqualTo(status);
    assertThat(due).get().extracting(Occurrences.Occurrence::at).isEqualTo(at);
  }

  @org.junit.jupiter.api.Test
  void nothingIsDueBeforeTheNextOccurrence() {
    JobSpec job =
        new JobSpec(
            "daily",
            1,
            CronSchedule.parse("0 10 * * *"),
            ZoneOffset.UTC,
            JobAction.MOVE_TAGGED,
            "pool-a",
            ImmutableList.of(),
            "solo",
            "",
            Optional.of("pool-b"),
            Optional.empty(),
            0,
            3,
            Optional.empty(),
            false,
            false,
            false);

    assertThat(
            Occurrences.due(
                job,
                Instant.parse("2026-06-01T10:00:00Z"),
                Instant.parse("2026-06-01T10:30:00Z"),
                false))
        .isEmpty();
  }
}

package io.xemigrate.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cron parser and its next-occurrence search: fields, Vixie's day rule, time zones, DST. */
class CronScheduleTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @ParameterizedTest(name = "''{0}'' in {1} after {2} -> {3}")
  @CsvSource({
    // Saturday 02:00 Paris time (UTC+1 in March before the change).
    "0 2 * * SAT,       Europe/Paris, 2026-03-26T10:00:00Z, 2026-03-28T01:00:00Z",
    "0 2 * * sat,       UTC,          2026-03-28T02:00:00Z, 2026-04-04T02:00:00Z",
    "*/15 * * * *,      UTC,          2026-05-05T10:07:00Z, 2026-05-05T10:15:00Z",
    "0-10/5 9 * * *,    UTC,          2026-05-05T09:05:00Z, 2026-05-05T09:10:00Z",
    "5/20 * * * *,      UTC,          2026-05-05T09:46:00Z, 2026-05-05T10:05:00Z",
    "'1,31 0 * * *',    UTC,          2026-05-05T00:01:00Z, 2026-05-05T00:31:00Z",
    "30 4 * jan-mar mon-fri, UTC,     2026-03-31T05:00:00Z, 2027-01-01T04:30:00Z",
    // Both day fields restricted: the 1st OR a Monday (2026-06-01 is a Monday).
    "0 0 1 * MON,       UTC,          2026-06-01T00:00:00Z, 2026-06-08T00:00:00Z",
    "0 0 1 * MON,       UTC,          2026-06-29T00:00:00Z, 2026-07-01T00:00:00Z",
    // Day of month starts with '*': the AND rule (odd days that are Mondays).
    "0 0 */2 * MON,     UTC,          2026-06-01T00:00:00Z, 2026-06-15T00:00:00Z",
    // 7 is Sunday, as 0 (2026-06-07 is a Sunday).
    "0 0 * * 7,         UTC,          2026-06-01T00:00:00Z, 2026-06-07T00:00:00Z",
    // Spring forward in Paris, 2026-03-29 02:00 -> 03:00: 02:30 fires once at the change.
    "30 2 * * *,        Europe/Paris, 2026-03-28T12:00:00Z, 2026-03-29T01:00:00Z",
    "30 2 * * *,        Europe/Paris, 2026-03-29T01:00:00Z, 2026-03-30T00:30:00Z",
    // Fall back, 2026-10-25 03:00 -> 02:00: 02:30 fires at its first occurrence only.
    "30 2 * * *,        Europe/Paris, 2026-10-24T12:00:00Z, 2026-10-25T00:30:00Z",
    "30 2 * * *,        Europe/Paris, 2026-10-25T00:30:00Z, 2026-10-26T01:30:00Z",
    "0 0 29 2 *,        UTC,          2026-01-01T00:00:00Z, 2028-02-29T00:00:00Z",
  })
  void nextOccurrence(String expression, String zone, String after, String expected) {
    CronSchedule schedule = CronSchedule.parse(expression);

    assertThat(schedule.next(Instant.parse(after), ZoneId.of(zone)))
        .contains(Instant.parse(expected));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "* * * *                  | a schedule has 5 fields",
        "61 * * * *               | minute value 61 is out of range 0-59",
        "* 24 * * *               | hour value 24 is out of range 0-23",
        "* * 0 * *                | day-of-month value 0 is out of range 1-31",
        "* * * 13 *               | month value 13 is out of range 1-12",
        "* * * * MOX              | day-of-week value 'MOX' is not a number or a name",
        "5-1 * * * *              | minute range '5-1' runs backwards",
        "*/0 * * * *              | minute step must be at least 1",
        "1,,2 * * * *             | minute field has an empty list item",
      })
  void malformedExpressionsSayWhichFieldAndWhy(String expression, String message) {
    assertThatThrownBy(() -> CronSchedule.parse(expression))
        .isInstanceOf(CronException.class)
        .hasMessageContaining(message);
  }

  @org.junit.jupiter.api.Test
  void anImpossibleDateNeverFires() {
    assertThat(CronSchedule.parse("0 0 30 2 *").next(Instant.EPOCH, ZoneOffset.UTC)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void theRepeatedAutumnHourFiresNothingForAnEveryMinuteJob() {
    CronSchedule everyMinute = CronSchedule.parse("* * * * *");
    // 00:59Z is 02:59 CEST, the last minute before the clocks go back to 02:00 CET.
    Optional<Instant> next = everyMinute.next(Instant.parse("2026-10-25T00:59:00Z"), PARIS);

    assertThat(next).contains(Instant.parse("2026-10-25T02:00:00Z"));
  }

  @org.junit.jupiter.api.Test
  void matchesUsesLocalTime() {
    CronSchedule schedule = CronSchedule.parse("0 2 * * SAT");

    assertThat(schedule.matches(LocalDateTime.parse("2026-03-28T02:00"))).isTrue();
    assertThat(schedule.matches(LocalDateTime.parse("2026-03-28T02:01"))).isFalse();
    assertThat(
            schedule
                .next(Instant.parse("2026-03-28T00:59:00Z"), PARIS)
                .orElseThrow()
                .truncatedTo(ChronoUnit.MINUTES))
        .isEqualTo(Instant.parse("2026-03-28T01:00:00Z"));
  }
}

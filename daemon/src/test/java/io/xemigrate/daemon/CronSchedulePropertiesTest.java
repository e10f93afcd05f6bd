package io.xemigrate.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of {@link CronSchedule#next}: against a brute-force minute-by-minute scan in UTC, and
 * monotonic in every zone, DST included.
 */
class CronSchedulePropertiesTest {
  private static final List<ZoneId> ZONES =
      List.of(
          ZoneOffset.UTC,
          ZoneId.of("Europe/Paris"),
          ZoneId.of("America/New_York"),
          ZoneId.of("Australia/Lord_Howe"),
          ZoneId.of("Asia/Kolkata"));

  /** The next occurrence in UTC is the first matching minute after the start: none is skipped. */
  @Property(tries = 300)
  void nextIsTheFirstMatchingMinuteInUtc(
      @ForAll("expressions") String expression, @ForAll("instants") Instant after) {
    CronSchedule schedule = CronSchedule.parse(expression);
    Optional<Instant> next = schedule.next(after, ZoneOffset.UTC);
    Instant scanEnd = after.plus(3, ChronoUnit.DAYS);
    Instant minute = after.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
    Optional<Instant> scanned = Optional.empty();
    for (; minute.isBefore(scanEnd); minute = minute.plus(1, ChronoUnit.MINUTES)) {
      if (schedule.matches(LocalDateTime.ofInstant(minute, ZoneOffset.UTC))) {
        scanned = Optional.of(minute);
        break;
      }
    }
    if (scanned.isPresent()) {
      assertThat(next).isEqualTo(scanned);
    } else {
      next.ifPresent(instant -> assertThat(instant).isAfterOrEqualTo(scanEnd));
    }
  }

  /** In any zone: strictly later, on a whole minute, and the next of the next is later still. */
  @Property(tries = 300)
  void nextIsStrictlyLaterAndMonotonicInEveryZone(
      @ForAll("expressions") String expression,
      @ForAll("instants") Instant after,
      @ForAll("zones") ZoneId zone) {
    CronSchedule schedule = CronSchedule.parse(expression);
    Optional<Instant> next = schedule.next(after, zone);
    assertThat(next).isPresent();
    assertThat(next.get()).isAfter(after);
    assertThat(next.get().getEpochSecond() % 60).isZero();
    assertThat(schedule.next(next.get(), zone).orElseThrow()).isAfter(next.get());
  }

  @Provide
  Arbitrary<ZoneId> zones() {
    return Arbitraries.of(ZONES);
  }

  @Provide
  Arbitrary<Instant> instants() {
    return Arbitraries.longs()
        .between(
            Instant.parse("2026-01-01T00:00:00Z").getEpochSecond(),
            Instant.parse("2031-01-01T00:00:00Z").getEpochSecond())
        .map(Instant::ofEpochSecond);
  }

  @Provide
  Arbitrary<String> expressions() {
    return Combinators.combine(field(0, 59), field(0, 23), field(1, 28), field(1, 12), field(0, 7))
        .as((m, h, dom, mon, dow) -> m + " " + h + " " + dom + " " + mon + " " + dow);
  }

  /** One field: a star, a value, a range, a step on either, or a list of two of these. */
  private static Arbitrary<String> field(int min, int max) {
    Arbitrary<Integer> value = Arbitraries.integers().between(min, max);
    Arbitrary<String> single =
        Arbitraries.oneOf(
            Arbitraries.just("*"),
            value.map(String::valueOf),
            Combinators.combine(value, value).as((a, b) -> Math.min(a, b) + "-" + Math.max(a, b)),
            Combinators.combine(Arbitraries.integers().between(1, 10), Arbitraries.of(true, false))
                .as((step, star) -> (star ? "*" : min + "-" + max) + "/" + step));
    return Arbitraries.oneOf(
        single, Combinators.combine(single, single).as((a, b) -> a.equals("*") ? a : a + "," + b));
  }
}

package io.xemigrate.daemon;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Optional;

/**
 * A five-field cron schedule (minute, hour, day of month, month, day of week), as Vixie cron reads
 * it: {@code *}, lists, ranges, steps, month and day names; 0 and 7 are Sunday; when both day
 * fields are restricted (neither starts with {@code *}) a day matches if <em>either</em> does,
 * otherwise both must.
 *
 * <p>Times are local to a time zone, with daylight-saving transitions settled so that the mapping
 * from local times to instants never goes backwards:
 *
 * <ul>
 *   <li>a local time that does not exist (the hour skipped in spring) fires once at the transition
 *       instant, the first moment after the gap;
 *   <li>a local time that occurs twice (the hour repeated in autumn) fires once, at its first
 *       occurrence (the earlier offset); the repeated hour fires nothing.
 * </ul>
 */
public record CronSchedule(
    String text,
    CronField minutes,
    CronField hours,
    CronField daysOfMonth,
    CronField months,
    CronField daysOfWeek) {

  /** Long enough for every satisfiable expression (29 February on a given weekday: 28 years). */
  private static final int SEARCH_DAYS = 366 * 29;

  /**
   * Parses an expression of exactly five space-separated fields.
   *
   * @throws CronException naming the field and what is wrong with it
   */
  public static CronSchedule parse(String text) {
    String[] fields = text.trim().split("\\s+");
    if (text.isBlank() || fields.length != 5) {
      throw new CronException(
          "a schedule has 5 fields (minute hour day-of-month month day-of-week), not "
              + (text.isBlank() ? 0 : fields.length)
              + ": '"
              + text
              + "'");
    }
    return new CronSchedule(
        text.trim(),
        CronField.parse(fields[0], CronField.Kind.MINUTE),
        CronField.parse(fields[1], CronField.Kind.HOUR),
        CronField.parse(fields[2], CronField.Kind.DAY_OF_MONTH),
        CronField.parse(fields[3], CronField.Kind.MONTH),
        CronField.parse(fields[4], CronField.Kind.DAY_OF_WEEK));
  }

  /** Whether the schedule fires on this local date (month and the two day fields). */
  public boolean matchesDay(LocalDate date) {
    if (!months.allows(date.getMonthValue())) {
      return false;
    }
    boolean dom = daysOfMonth.allows(date.getDayOfMonth());
    boolean dow = daysOfWeek.allows(date.getDayOfWeek().getValue() % 7);
    return daysOfMonth.star() || daysOfWeek.star() ? dom && dow : dom || dow;
  }

  /** Whether the schedule fires at this local minute (seconds are ignored). */
  public boolean matches(LocalDateTime local) {
    return matchesDay(local.toLocalDate())
        && hours.allows(local.getHour())
        && minutes.allows(local.getMinute());
  }

  /**
   * The first instant strictly after {@code after} at which the schedule fires in {@code zone};
   * empty when it never fires (for example 30 February).
   */
  public Optional<Instant> next(Instant after, ZoneId zone) {
    ZoneRules rules = zone.getRules();
    LocalDateTime start = LocalDateTime.ofInstant(after, zone);
    LocalDate day = start.toLocalDate();
    for (int i = 0; i < SEARCH_DAYS; i++, day = day.plusDays(1)) {
      if (!matchesDay(day)) {
        continue;
      }
      for (int hour = hours.values().nextSetBit(0); hour >= 0; ) {
        for (int minute = minutes.values().nextSetBit(0); minute >= 0; ) {
          LocalDateTime local = LocalDateTime.of(day, LocalTime.of(hour, minute));
          if (local.isAfter(start.minusMinutes(1))) {
            Instant instant = instantOf(local, rules);
            if (instant.isAfter(after)) {
              return Optional.of(instant);
            }
          }
          minute = minutes.values().nextSetBit(minute + 1);
        }
        hour = hours.values().nextSetBit(hour + 1);
      }
    }
    return Optional.empty();
  }

  /** A local time as an instant, by the rules in this class's comment. */
  static Instant instantOf(LocalDateTime local, ZoneRules rules) {
    var offsets = rules.getValidOffsets(local);
    if (offsets.isEmpty()) {
      ZoneOffsetTransition gap = rules.getTransition(local);
      return gap.getInstant();
    }
    return local.toInstant(offsets.get(0));
  }

  @Override
  public String toString() {
    return text;
  }
}

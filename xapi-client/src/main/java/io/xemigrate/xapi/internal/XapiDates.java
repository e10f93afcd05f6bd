package io.xemigrate.xapi.internal;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;

/** xapi's datetime format: {@code 20240101T12:00:00Z} (ISO 8601 basic date, extended time). */
final class XapiDates {
  private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HH:mm:ss");

  private XapiDates() {}

  static String format(Date date) {
    return BASIC.format(date.toInstant().atOffset(ZoneOffset.UTC)) + "Z";
  }

  /** Parses {@code yyyyMMddTHH:mm:ss} with an optional {@code Z} or offset (UTC when absent). */
  static Date parse(String text) {
    String local = text.length() > 17 ? text.substring(0, 17) : text;
    String zone = text.length() > 17 ? text.substring(17) : "Z";
    ZoneOffset offset = zone.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(normaliseOffset(zone));
    OffsetDateTime time = LocalDateTime.parse(local, BASIC).atOffset(offset);
    return Date.from(time.toInstant());
  }

  private static String normaliseOffset(String zone) {
    return zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone;
  }
}

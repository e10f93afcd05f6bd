package io.xemigrate.plugin.capture;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far back a capture reads the RRD, and at which resolution: xcp-rrdd keeps one-minute rows for
 * two hours and hourly rows for a week, so a window up to 2 h is read at 60 s, a longer one (up to
 * 7 days) at 3600 s.
 */
public record CaptureWindow(long seconds, long intervalSeconds) {
  public static final long MIN_SECONDS = 300;
  public static final long MAX_SECONDS = 7 * 86_400;
  private static final long MINUTE_ROWS_SECONDS = 2 * 3600;
  private static final Pattern DURATION = Pattern.compile("(\\d{1,7})([smhd]?)");

  /** The default: the last hour, at one-minute rows. */
  public static CaptureWindow defaultWindow() {
    return of(3600);
  }

  public static CaptureWindow of(long seconds) {
    return new CaptureWindow(seconds, seconds <= MINUTE_ROWS_SECONDS ? 60 : 3600);
  }

  /**
   * {@code 90m}, {@code 2h}, {@code 1d}, {@code 3600s} or plain seconds, from 5 minutes to 7 days;
   * empty for anything else.
   */
  public static Optional<CaptureWindow> parse(String text) {
    Matcher matcher = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      return Optional.empty();
    }
    long unit =
        switch (matcher.group(2)) {
          case "m" -> 60;
          case "h" -> 3600;
          case "d" -> 86_400;
          default -> 1;
        };
    long seconds = Long.parseLong(matcher.group(1)) * unit;
    if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
      return Optional.empty();
    }
    return Optional.of(of(seconds));
  }
}

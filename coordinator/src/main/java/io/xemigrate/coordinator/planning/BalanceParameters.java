package io.xemigrate.coordinator.planning;

import io.xemigrate.coordinator.BadRequestException;
import io.xemigrate.coordinator.pools.PoolConnector;
import io.xemigrate.coordinator.pools.PoolProfile;
import io.xemigrate.planner.balance.BalanceMode;
import io.xemigrate.planner.balance.BalancePolicy;
import io.xemigrate.planner.balance.BalanceRules;
import io.xemigrate.planner.balance.PoolLoad;
import io.xemigrate.xapi.model.PoolInventory;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters of a balance as the command line, the daemon's jobs and the HTTP API take them
 * ({@code mode=}, {@code cpu-threshold=}, {@code memory-threshold=}, {@code max-moves=}, {@code
 * window=}, the rules file's text), checked into a policy; and the read of a pool's inventory and
 * load over the window. Mistakes are one-line {@link BadRequestException}s naming the parameter.
 *
 * @param windowSeconds how far back the RRDs are averaged
 */
public record BalanceParameters(BalancePolicy policy, long windowSeconds) {
  /** The keys besides the pool's and the rules file's. */
  public static final java.util.List<String> KEYS =
      java.util.List.of("mode", "cpu-threshold", "memory-threshold", "max-moves", "window");

  /** Ten minutes: ten one-minute rows, enough to smooth a burst without hiding a trend. */
  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);

  /** xcp-rrdd keeps one-minute rows for two hours; a longer window would need hourly rows. */
  public static final Duration MAX_WINDOW = Duration.ofHours(2);

  public static final int MAX_MOVES_LIMIT = 1000;

  private static final Pattern SHORT = Pattern.compile("([0-9]{1,6})([smh])");

  /**
   * @param value the value given for a key, if any
   * @param rulesText the rules file's text and its name, if one was given
   */
  public static BalanceParameters parse(
      Function<String, Optional<String>> value, Optional<RulesText> rulesText) {
    String modeText =
        value
            .apply("mode")
            .orElseThrow(
                () ->
                    new BadRequestException(
                        "mode= is missing: give mode=performance or mode=density"));
    BalanceMode mode = mode(modeText);
    int cpu =
        (int)
            whole(
                "cpu-threshold",
                value.apply("cpu-threshold"),
                BalancePolicy.DEFAULT_CPU_THRESHOLD_PERCENT,
                1,
                100);
    int memory =
        (int)
            whole(
                "memory-threshold",
                value.apply("memory-threshold"),
                BalancePolicy.DEFAULT_MEMORY_THRESHOLD_PERCENT,
                1,
                100);
    int maxMoves =
        (int)
            whole(
                "max-moves",
                value.apply("max-moves"),
                BalancePolicy.DEFAULT_MAX_MOVES,
                1,
                MAX_MOVES_LIMIT);
    Duration window = value.apply("window").map(BalanceParameters::window).orElse(DEFAULT_WINDOW);
    BalanceRules rules = rulesText.map(BalanceParameters::rules).orElse(BalanceRules.none());
    return new BalanceParameters(
        new BalancePolicy(mode, cpu, memory, maxMoves, rules), window.toSeconds());
  }

  /** The text of a rules file and how the caller named it ({@code rules=FILE}). */
  public record RulesText(String origin, String text) {}

  /** Reads the pool's inventory and its load over the window, in one session. */
  public Loaded load(PoolConnector connector, PoolProfile pool) {
    return connector.withClient(
        pool,
        client -> {
          PoolInventory inventory = client.loadInventory();
          return new Loaded(
              inventory, PoolObservationsReader.load(client, inventory, windowSeconds));
        });
  }

  /** A pool and what its RRDs showed. */
  public record Loaded(PoolInventory inventory, PoolLoad load) {}

  /** {@code performance} or {@code density}. */
  public static BalanceMode mode(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "performance" -> BalanceMode.PERFORMANCE;
      case "density" -> BalanceMode.DENSITY;
      default ->
          throw new BadRequestException(
              "bad mode=" + text + ": give mode=performance or mode=density");
    };
  }

  /** {@code 30m}, {@code 2h}, {@code 600s} or ISO-8601 ({@code PT30M}), one minute to two hours. */
  public static Duration window(String text) {
    Duration duration;
    Matcher matcher = SHORT.matcher(text);
    if (matcher.matches()) {
      long amount = Long.parseLong(matcher.group(1));
      duration =
          switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
          };
    } else {
      try {
        duration = Duration.parse(text);
      } catch (DateTimeParseException e) {
        throw new BadRequestException(
            "bad window=" + text + ": give a duration such as 10m, 1h or PT30M");
      }
    }
    if (duration.compareTo(Duration.ofMinutes(1)) < 0 || duration.compareTo(MAX_WINDOW) > 0) {
      throw new BadRequestException(
          "bad window="
              + text
              + ": give one minute to two hours (xcp-rrdd keeps one-minute rows for two hours)");
    }
    return duration;
  }

  private static long whole(String key, Optional<String> text, long fallback, long min, long max) {
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      long value = Long.parseLong(text.get());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadRequestException(
        "bad " + key + "=" + text.get() + ": give a whole number from " + min + " to " + max);
  }

  private static BalanceRules rules(RulesText rules) {
    try {
      return BalanceRules.parse(rules.text());
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("bad rules file " + rules.origin() + ": " + e.getMessage());
    }
  }
}

package io.xemigrate.plugin.cli;

import io.xemigrate.planner.schedule.Objective;
import java.util.Optional;

/** Parsing of parameter values, each failure one line naming the parameter. */
final class Parameters {
  private Parameters() {}

  static double positive(String key, String text) {
    try {
      double value = Double.parseDouble(text);
      if (value > 0 && Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(key + " must be a positive number, was '" + text + "'");
  }

  /** The simulator's speed range: beyond it virtual time outruns what the run loop can follow. */
  static final double MIN_SPEED = 0.01;

  static final double MAX_SPEED = 1000;

  /**
   * {@code speed=}: virtual seconds per real second, in [{@value #MIN_SPEED}, {@value #MAX_SPEED}].
   */
  static double speed(String text) {
    return inRange("speed", text, MIN_SPEED, MAX_SPEED);
  }

  /** A number in {@code [min, max]}. */
  static double inRange(String key, String text, double min, double max) {
    try {
      double value = Double.parseDouble(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(
        key
            + " must be a number from "
            + number(min)
            + " to "
            + number(max)
            + ", was '"
            + text
            + "'");
  }

  /** A whole number in {@code [min, max]}. */
  static long wholeInRange(String key, String text, long min, long max) {
    try {
      long value = Long.parseLong(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(
        key + " must be a whole number from " + min + " to " + max + ", was '" + text + "'");
  }

  private static String number(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  /** {@code objective=}: makespan, downtime or balanced; balanced when absent. */
  static Objective objective(Optional<String> text) {
    return text.map(
            value ->
                Objective.parse(value)
                    .orElseThrow(
                        () ->
                            new UsageException(
                                "objective must be makespan, downtime or balanced, was '"
                                    + value
                                    + "'")))
        .orElse(Objective.BALANCED);
  }

  static boolean bool(String key, String text) {
    return switch (text) {
      case "true", "yes" -> true;
      case "false", "no" -> false;
      default -> throw new UsageException(key + " must be true or false, was '" + text + "'");
    };
  }
}

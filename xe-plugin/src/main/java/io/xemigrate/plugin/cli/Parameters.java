package io.xemigrate.plugin.cli;

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

  static boolean bool(String key, String text) {
    return switch (text) {
      case "true", "yes" -> true;
      case "false", "no" -> false;
      default -> throw new UsageException(key + " must be true or false, was '" + text + "'");
    };
  }
}

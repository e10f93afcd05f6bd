package io.xemigrate.daemon;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * One of the five fields of a cron expression, parsed into the set of values it allows: {@code *},
 * numbers, names ({@code JAN}, {@code MON}, case-insensitive), ranges {@code a-b}, steps {@code
 * x/n} (on {@code *}, a range, or a start meaning start-to-maximum), and comma-separated lists of
 * these.
 *
 * @param values the allowed values
 * @param star whether the field starts with {@code *}: Vixie cron's test for "unrestricted" in the
 *     day-of-month / day-of-week rule ({@code *}{@code /2} counts as a star)
 */
record CronField(BitSet values, boolean star) {

  /** What a field is: its name for messages, its bounds, and its names if any. */
  enum Kind {
    MINUTE("minute", 0, 59, List.of()),
    HOUR("hour", 0, 23, List.of()),
    DAY_OF_MONTH("day-of-month", 1, 31, List.of()),
    MONTH(
        "month",
        1,
        12,
        List.of(
            "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
    // 7 is Sunday too, as in Vixie cron; it is folded onto 0 after parsing.
    DAY_OF_WEEK("day-of-week", 0, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"));

    final String label;
    final int min;
    final int max;
    final List<String> names;

    Kind(String label, int min, int max, List<String> names) {
      this.label = label;
      this.min = min;
      this.max = max;
      this.names = names;
    }
  }

  boolean allows(int value) {
    return values.get(value);
  }

  static CronField parse(String text, Kind kind) {
    BitSet values = new BitSet();
    for (String item : text.split(",", -1)) {
      parseItem(item, kind, values);
    }
    if (kind == Kind.DAY_OF_WEEK && values.get(7)) {
      values.clear(7);
      values.set(0);
    }
    return new CronField(values, text.startsWith("*"));
  }

  private static void parseItem(String item, Kind kind, BitSet values) {
    if (item.isEmpty()) {
      throw new CronException(kind.label + " field has an empty list item");
    }
    String range = item;
    int step = 1;
    int slash = item.indexOf('/');
    if (slash >= 0) {
      range = item.substring(0, slash);
      step = number(item.substring(slash + 1), kind, "step");
      if (step < 1) {
        throw new CronException(kind.label + " step must be at least 1 in '" + item + "'");
      }
    }
    int low;
    int high;
    if (range.equals("*")) {
      low = kind.min;
      high = kind == Kind.DAY_OF_WEEK ? 6 : kind.max;
    } else {
      int dash = range.indexOf('-');
      if (dash >= 0) {
        low = value(range.substring(0, dash), kind);
        high = value(range.substring(dash + 1), kind);
        if (high < low) {
          throw new CronException(
              kind.label + " range '" + range + "' runs backwards: write the smaller value first");
        }
      } else {
        low = value(range, kind);
        // "5/15" means from 5 to the maximum in steps of 15; a lone value is itself.
        high = slash >= 0 ? (kind == Kind.DAY_OF_WEEK ? 6 : kind.max) : low;
      }
    }
    for (int v = low; v <= high; v += step) {
      values.set(v);
    }
  }

  private static int value(String text, Kind kind) {
    int index = kind.names.indexOf(text.toUpperCase(Locale.ROOT));
    if (index >= 0) {
      return index + kind.min;
    }
    int value = number(text, kind, "value");
    if (value < kind.min || value > kind.max) {
      throw new CronException(
          kind.label + " value " + value + " is out of range " + kind.min + "-" + kind.max);
    }
    return value;
  }

  private static int number(String text, Kind kind, String what) {
    if (text.isEmpty() || !text.chars().allMatch(Character::isDigit) || text.length() > 4) {
      throw new CronException(
          kind.label
              + " "
              + what
              + " '"
              + text
              + "' is not a number"
              + (kind.names.isEmpty() ? "" : " or a name (" + String.join(",", kind.names) + ")"));
    }
    return Integer.parseInt(text);
  }
}

package io.xemigrate.planner.check;

import io.xemigrate.xapi.model.Host;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * xapi's version rule: the destination must be at least the source on {@code platform_version},
 * {@code xapi_build} and {@code xen} ({@code software_version} keys). A key missing on either side
 * is not compared.
 */
public final class Versions {
  static final List<String> KEYS = List.of("platform_version", "xapi_build", "xen");
  private static final Pattern NUMBER = Pattern.compile("\\d+");

  private Versions() {}

  /** The first key on which the destination is older, or empty when it is not older. */
  public static Optional<String> olderKey(Host source, Host destination) {
    for (String key : KEYS) {
      String from = source.softwareVersion().get(key);
      String to = destination.softwareVersion().get(key);
      if (from != null && to != null && compare(to, from) < 0) {
        return Optional.of(key);
      }
    }
    return Optional.empty();
  }

  /** Compares two versions number by number ({@code 4.17.5-13} is 4, 17, 5, 13). */
  public static int compare(String a, String b) {
    List<Long> left = numbers(a);
    List<Long> right = numbers(b);
    // The shorter one is padded with zeros: 4.17.5 equals 4.17.5-0.
    int length = Math.max(left.size(), right.size());
    left.addAll(Collections.nCopies(length - left.size(), 0L));
    right.addAll(Collections.nCopies(length - right.size(), 0L));
    for (int i = 0; i < length; i++) {
      int order = Long.compare(left.get(i), right.get(i));
      if (order != 0) {
        return order;
      }
    }
    return 0;
  }

  private static List<Long> numbers(String version) {
    List<Long> numbers = new ArrayList<>();
    Matcher matcher = NUMBER.matcher(version);
    while (matcher.find()) {
      try {
        numbers.add(Long.parseLong(matcher.group()));
      } catch (NumberFormatException e) {
        numbers.add(Long.MAX_VALUE);
      }
    }
    return numbers;
  }
}

package io.xemigrate.simulator.migration;

import java.util.List;
import java.util.Map;

/**
 * The version rule of docs/xapi-behaviour.md#software-versions: the destination must be at least
 * the source on {@code platform_version}, {@code xapi_build} and {@code xen}.
 */
public final class SoftwareVersions {
  static final List<String> KEYS = List.of("platform_version", "xapi_build", "xen");

  private SoftwareVersions() {}

  /** Whether a host with {@code destination} may receive from a host with {@code source}. */
  public static boolean destinationNotOlder(
      Map<String, String> source, Map<String, String> destination) {
    for (String key : KEYS) {
      if (compare(destination.getOrDefault(key, ""), source.getOrDefault(key, "")) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Compares dotted versions number by number ("4.17.5-20" is 4, 17, 5, 20). */
  static int compare(String a, String b) {
    String[] left = a.split("[^0-9]+");
    String[] right = b.split("[^0-9]+");
    int length = Math.max(left.length, right.length);
    for (int i = 0; i < length; i++) {
      long x = number(left, i);
      long y = number(right, i);
      if (x != y) {
        return Long.compare(x, y);
      }
    }
    return 0;
  }

  private static long number(String[] parts, int index) {
    if (index >= parts.length || parts[index].isEmpty()) {
      return 0;
    }
    try {
      return Long.parseLong(parts[index]);
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }
}

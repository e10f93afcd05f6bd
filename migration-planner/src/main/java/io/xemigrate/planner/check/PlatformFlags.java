package io.xemigrate.planner.check;

import java.util.Locale;
import java.util.Map;

/**
 * A boolean key of a VM's {@code platform} map as xapi reads it ({@code Vm_platform.is_true} in
 * xapi's {@code ocaml/xapi/vm_platform.ml}): {@code "true"} in any case or {@code "1"} is true;
 * {@code "false"}, {@code "0"}, any other value and a missing key are false.
 */
final class PlatformFlags {
  private PlatformFlags() {}

  static boolean isTrue(Map<String, String> platform, String key) {
    String value = platform.get(key);
    if (value == null) {
      return false;
    }
    String lower = value.toLowerCase(Locale.ROOT);
    return lower.equals("true") || lower.equals("1");
  }
}

package io.xemigrate.simulator.scenario;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/** Stable, locally administered MAC addresses for NICs a scenario leaves without one. */
final class Macs {
  private Macs() {}

  static String derived(String key) {
    UUID hash = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    long bits = hash.getMostSignificantBits();
    return String.format(
        Locale.ROOT,
        "%02x:%02x:%02x:%02x:%02x:%02x",
        0x02,
        (bits >>> 32) & 0xff,
        (bits >>> 24) & 0xff,
        (bits >>> 16) & 0xff,
        (bits >>> 8) & 0xff,
        bits & 0xff);
  }
}

package io.xemigrate.network.mapping;

import com.google.common.collect.ImmutableSortedMap;
import java.util.Locale;
import java.util.Map;

/**
 * The user's {@code vif:<uuid|mac>=<network>} entries, resolved to destination network UUIDs.
 *
 * @param networkByVifOrMac keys are VIF UUIDs or MAC addresses (compared case-insensitively)
 */
public record NicOverrides(ImmutableSortedMap<String, String> networkByVifOrMac) {

  public NicOverrides {
    ImmutableSortedMap.Builder<String, String> lower = ImmutableSortedMap.naturalOrder();
    networkByVifOrMac.forEach((key, network) -> lower.put(key.toLowerCase(Locale.ROOT), network));
    networkByVifOrMac = lower.buildOrThrow();
  }

  public static NicOverrides none() {
    return new NicOverrides(ImmutableSortedMap.of());
  }

  public static NicOverrides of(Map<String, String> networkByVifOrMac) {
    return new NicOverrides(ImmutableSortedMap.copyOf(networkByVifOrMac));
  }

  public boolean isEmpty() {
    return networkByVifOrMac.isEmpty();
  }

  /** The network for a VIF: by its UUID first, then by its MAC; {@code null} when not mapped. */
  String lookup(String vifUuid, String mac) {
    String byUuid = networkByVifOrMac.get(vifUuid.toLowerCase(Locale.ROOT));
    return byUuid != null ? byUuid : networkByVifOrMac.get(mac.toLowerCase(Locale.ROOT));
  }
}

package io.xemigrate.plugin.cli;

import com.google.common.collect.ImmutableList;
import io.xemigrate.coordinator.pools.PoolProfile;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pools behind XenCenter's selection: one profile per (URL, session), reusing the session,
 * named after the coordinator's host name so messages say which pool they mean.
 */
final class XenCenterPools {
  private final Map<String, PoolProfile> byConnection = new LinkedHashMap<>();

  XenCenterPools(List<XenCenterObject> objects) {
    for (XenCenterObject object : objects) {
      byConnection.computeIfAbsent(object.connectionKey(), key -> profileFor(object));
    }
  }

  /** Every pool, in the order of the selection. */
  ImmutableList<PoolProfile> profiles() {
    return ImmutableList.copyOf(byConnection.values());
  }

  /** The pool an object was selected in. */
  PoolProfile of(XenCenterObject object) {
    return byConnection.get(object.connectionKey());
  }

  /** Tells one of the pools its UUID, learnt from its inventory (a plan names pools by UUID). */
  void identify(PoolProfile profile, String poolUuid) {
    byConnection.replaceAll(
        (key, known) -> known.equals(profile) ? known.withUuid(poolUuid) : known);
  }

  private PoolProfile profileFor(XenCenterObject object) {
    String name = hostOf(object.url());
    int clash = 1;
    while (nameTaken(name)) {
      clash++;
      name = hostOf(object.url()) + "#" + clash;
    }
    // A selected pool is its own pool: its UUID is known without asking.
    Optional<String> uuid =
        object.is(XenCenterAction.POOL_CHECK.objectClass())
            ? Optional.of(object.uuid())
            : Optional.empty();
    return PoolProfile.reusing(name, object.url(), object.session(), uuid);
  }

  private boolean nameTaken(String name) {
    return byConnection.values().stream().anyMatch(profile -> profile.name().equals(name));
  }

  private static String hostOf(String url) {
    try {
      String host = URI.create(url).getHost();
      return host == null || host.isEmpty() ? url : host;
    } catch (IllegalArgumentException e) {
      return url;
    }
  }
}

package io.xemigrate.simulator.migration;

import io.xemigrate.simulator.store.XapiException;
import java.net.URI;
import java.util.Map;

/**
 * The {@code dest} map of {@code host.migrate_receive}, parsed as the sender parses it ({@code
 * remote_of_dest}). It holds a bearer credential: {@link #toString()} never shows it.
 *
 * @param hostRef the destination host, a ref in the destination pool
 * @param sessionRef the session minted on the destination (secret)
 * @param remoteIp host part of the {@code xenops} URL: all data goes there
 * @param masterAddress host part of the {@code master} URL
 */
record DestinationMap(String hostRef, String sessionRef, String remoteIp, String masterAddress) {

  /**
   * Parses {@code dest}; missing keys or a malformed URL surface as internal errors
   * (docs/xapi-behaviour.md#migrate-receive).
   */
  static DestinationMap parse(Map<String, Object> dest) {
    for (String key : new String[] {"host", "session_id", "xenops", "master", "SM"}) {
      if (!(dest.get(key) instanceof String)) {
        throw XapiException.of("INTERNAL_ERROR", "Not_found: dest is missing the key " + key);
      }
    }
    return new DestinationMap(
        (String) dest.get("host"),
        (String) dest.get("session_id"),
        hostOf((String) dest.get("xenops")),
        hostOf((String) dest.get("master")));
  }

  private static String hostOf(String url) {
    try {
      String host = URI.create(url).getHost();
      if (host == null) {
        throw new IllegalArgumentException("no host");
      }
      return host;
    } catch (IllegalArgumentException e) {
      // The URL may embed the session; report only that it was malformed.
      throw XapiException.of("INTERNAL_ERROR", "Invalid URL in dest map");
    }
  }

  @Override
  public String toString() {
    return "DestinationMap[host=" + hostRef + ", remoteIp=" + remoteIp + "]";
  }
}

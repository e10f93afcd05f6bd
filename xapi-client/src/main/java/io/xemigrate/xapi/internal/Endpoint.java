package io.xemigrate.xapi.internal;

/**
 * A host's XenAPI address: host name or IP, and port (443 unless given). An IPv6 host is kept in
 * brackets ({@code [::1]}), so {@link #toString()} is always a valid URL authority.
 */
record Endpoint(String host, int port) {
  private static final int DEFAULT_PORT = 443;

  /**
   * Parses {@code host}, {@code host:port}, {@code [v6]}, {@code [v6]:port} or a bare IPv6 address
   * ({@code ::1}, {@code fd00::2}: more than one colon and no brackets, as xapi sends them); strips
   * a URL scheme and path.
   */
  static Endpoint parse(String address) {
    return parse(address, DEFAULT_PORT);
  }

  private static Endpoint parse(String address, int defaultPort) {
    String text = address.trim();
    int scheme = text.indexOf("://");
    if (scheme >= 0) {
      text = text.substring(scheme + 3);
    }
    int slash = text.indexOf('/');
    if (slash >= 0) {
      text = text.substring(0, slash);
    }
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      String host = text.substring(0, close + 1);
      String rest = text.substring(close + 1);
      return new Endpoint(
          host, rest.startsWith(":") ? Integer.parseInt(rest.substring(1)) : defaultPort);
    }
    int colon = text.lastIndexOf(':');
    if (colon > 0 && text.indexOf(':') == colon) {
      return new Endpoint(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
    }
    if (colon >= 0) {
      return new Endpoint("[" + text + "]", defaultPort);
    }
    return new Endpoint(text, defaultPort);
  }

  /**
   * Another host of the same pool: a bare address ({@code host.address}, {@code HOST_IS_SLAVE}'s
   * parameter, since every host of a pool serves on the same port) keeps this endpoint's port.
   */
  Endpoint sibling(String address) {
    return parse(address, port);
  }

  /** A master address from HOST_IS_SLAVE: xapi sends only the IP; the port stays ours. */
  Endpoint redirectTo(String masterAddress) {
    return sibling(masterAddress);
  }

  /** The host part without IPv6 brackets: what {@code host.address} holds. */
  String bareHost() {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}

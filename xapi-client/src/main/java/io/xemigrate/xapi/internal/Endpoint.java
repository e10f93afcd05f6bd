package io.xemigrate.xapi.internal;

/** A host's XenAPI address: host name or IP, and port (443 unless given). */
record Endpoint(String host, int port) {

  /** Parses {@code host}, {@code host:port} or {@code [v6]:port}; strips a URL scheme. */
  static Endpoint parse(String address) {
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
      return new Endpoint(host, rest.startsWith(":") ? Integer.parseInt(rest.substring(1)) : 443);
    }
    int colon = text.lastIndexOf(':');
    if (colon > 0 && text.indexOf(':') == colon) {
      return new Endpoint(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
    }
    return new Endpoint(text, 443);
  }

  /** A master address from HOST_IS_SLAVE: xapi sends only the IP; the port stays ours. */
  Endpoint redirectTo(String masterAddress) {
    Endpoint parsed = parse(masterAddress);
    boolean hasPort = masterAddress.matches(".*:\\d+$") && !masterAddress.endsWith("]");
    return hasPort ? parsed : new Endpoint(parsed.host(), port);
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}

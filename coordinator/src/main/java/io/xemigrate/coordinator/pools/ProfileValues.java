package io.xemigrate.coordinator.pools;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks of the values of a pool profile when they are read, so that a typo is one line naming the
 * value (exit 2) and never a connection error later: the master's address and the pinned
 * certificate fingerprint.
 */
public final class ProfileValues {
  /** A DNS name or an IPv4 address. */
  private static final Pattern HOST_NAME =
      Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*");

  /** An IPv6 literal in brackets. */
  private static final Pattern IPV6 = Pattern.compile("\\[[0-9A-Fa-f:.]{2,45}\\]");

  /** 32 bytes in hex, colons between bytes optional, {@code sha256:} in front optional. */
  private static final Pattern SHA256 =
      Pattern.compile("(?i)(?:sha256:?)?(?:(?:[0-9A-F]{2}:){31}[0-9A-F]{2}|[0-9A-F]{64})");

  private ProfileValues() {}

  /**
   * Why {@code address} is not {@code host}, {@code host:port}, {@code https://host[:port][/]} (or
   * the simulator's {@code http://}, refused with its own message when connecting); empty when it
   * is one.
   */
  public static Optional<String> addressProblem(String address) {
    String text = address.strip();
    int scheme = text.indexOf("://");
    if (scheme >= 0) {
      String name = text.substring(0, scheme).toLowerCase(Locale.ROOT);
      if (!name.equals("https") && !name.equals("http")) {
        return Optional.of("only https:// addresses are supported, not " + name + "://");
      }
      text = text.substring(scheme + 3);
    }
    int slash = text.indexOf('/');
    if (slash >= 0) {
      text = text.substring(0, slash);
    }
    String host = text;
    String port = "";
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        return Optional.of("an IPv6 address needs its closing ']'");
      }
      host = text.substring(0, close + 1);
      String rest = text.substring(close + 1);
      if (!rest.isEmpty() && !rest.startsWith(":")) {
        return Optional.of("expected ':PORT' after the IPv6 address");
      }
      port = rest.isEmpty() ? "" : rest.substring(1);
      if (!IPV6.matcher(host).matches()) {
        return Optional.of("'" + host + "' is not an IPv6 address");
      }
    } else {
      int colon = text.indexOf(':');
      if (colon >= 0) {
        host = text.substring(0, colon);
        port = text.substring(colon + 1);
      }
      if (!HOST_NAME.matcher(host).matches()) {
        return Optional.of("'" + host + "' is not a host name or IP address");
      }
    }
    if (!port.isEmpty() && !validPort(port)) {
      return Optional.of("the port '" + port + "' is not a number from 1 to 65535");
    }
    return Optional.empty();
  }

  /** Whether {@code fingerprint} is a SHA-256 fingerprint: 64 hex digits, colons optional. */
  public static boolean fingerprint(String fingerprint) {
    return SHA256.matcher(fingerprint.strip()).matches();
  }

  private static boolean validPort(String port) {
    if (!port.matches("[0-9]{1,5}")) {
      return false;
    }
    int value = Integer.parseInt(port);
    return value >= 1 && value <= 65535;
  }
}

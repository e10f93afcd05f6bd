package io.xemigrate.plugin.cli;

import io.xemigrate.xapi.Secret;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One object selected in XCP-ng Center or XenCenter, as its plugin loader passes it: the pool
 * coordinator's URL, XenCenter's own session reference, the object's class ({@code VM}, {@code
 * Host}, {@code Pool}, ... or {@code blank} for the XenCenter node) and its UUID. A value XenCenter
 * could not fill is the word {@code null}.
 */
record XenCenterObject(String url, Secret session, String type, String uuid) {
  /** What XenCenter sends for a value it does not have (not connected). */
  static final String MISSING = "null";

  /** What XenCenter sends as class and UUID when its root node is selected. */
  static final String BLANK = "blank";

  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /**
   * Checks one group of four.
   *
   * @throws UsageException naming what XenCenter passed and what the user should do
   */
  static XenCenterObject of(String url, String session, String type, String uuid) {
    if (type.equals(BLANK)) {
      throw new UsageException(
          "the XenCenter node is selected: select the VMs, hosts or pools to work on instead");
    }
    if (!UUID.matcher(uuid).matches() || type.startsWith("OpaqueRef")) {
      // Not echoed: with the groups out of step, this word could be a session reference.
      throw new UsageException(
          "XenCenter passed a malformed UUID for a selected object: check the plugin XML's param");
    }
    if (url.equals(MISSING) || session.equals(MISSING)) {
      throw new UsageException(
          "XenCenter is not connected to the pool of "
              + type
              + " "
              + uuid
              + ": connect to it in XenCenter, then start the menu item again");
    }
    return new XenCenterObject(url, Secret.of(session), type, uuid.toLowerCase(Locale.ROOT));
  }

  /** Whether this object is of {@code expected} class; XenCenter spells classes as XenAPI does. */
  boolean is(String expected) {
    return type.equalsIgnoreCase(expected);
  }

  /** Objects reached through the same session of the same pool share one connection. */
  String connectionKey() {
    return url + "\n" + session.reveal();
  }

  @Override
  public String toString() {
    return "XenCenterObject[" + type + " " + uuid + " at " + url + "]";
  }
}

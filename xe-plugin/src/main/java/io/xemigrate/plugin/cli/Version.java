package io.xemigrate.plugin.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version the build stamped into {@code version.properties}. */
final class Version {
  private Version() {}

  static String current() {
    try (InputStream in =
        Version.class.getResourceAsStream("/io/xemigrate/coordinator/version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

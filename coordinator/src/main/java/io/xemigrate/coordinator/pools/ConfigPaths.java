package io.xemigrate.coordinator.pools;

import java.nio.file.Path;
import java.util.Map;

/**
 * The user's configuration files: {@code $XDG_CONFIG_HOME/xe-migrate/} (else {@code
 * ~/.config/xe-migrate/}) holds {@code pools.yaml} and {@code known_pools}.
 */
public record ConfigPaths(Path directory) {

  public static ConfigPaths fromEnvironment(Map<String, String> environment) {
    String xdg = environment.get("XDG_CONFIG_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".config");
    return new ConfigPaths(base.resolve("xe-migrate"));
  }

  public Path poolsFile() {
    return directory.resolve("pools.yaml");
  }

  /** Trust-on-first-use fingerprints, one {@code host:port FINGERPRINT} line per master. */
  public Path knownPoolsFile() {
    return directory.resolve("known_pools");
  }
}

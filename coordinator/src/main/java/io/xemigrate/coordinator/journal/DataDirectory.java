package io.xemigrate.coordinator.journal;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where xe-migrate keeps its state: {@code $XE_MIGRATE_DATA_DIR}, else {@code
 * $XDG_DATA_HOME/xe-migrate}, else {@code ~/.local/share/xe-migrate} (the XDG default). The
 * packaged daemon sets {@code XE_MIGRATE_DATA_DIR=/var/lib/xe-migrate}.
 */
public final class DataDirectory {
  private DataDirectory() {}

  public static Path resolve(Map<String, String> environment, String userHome) {
    String explicit = environment.get("XE_MIGRATE_DATA_DIR");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = environment.get("XDG_DATA_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "xe-migrate");
    }
    return Path.of(userHome, ".local", "share", "xe-migrate");
  }

  /** The journal database inside a data directory. */
  public static Path journal(Path dataDirectory) {
    return dataDirectory.resolve("journal.db");
  }
}

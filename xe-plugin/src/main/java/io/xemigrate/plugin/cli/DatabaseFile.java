package io.xemigrate.plugin.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The SQLite file of the journal (and the daemon's tables), checked before SQLite opens it: a
 * directory, a device, another kind of file or a place the user cannot write is one line naming
 * where the path came from ({@code database=}, the data directory), not a driver's error.
 */
final class DatabaseFile {
  /** The first 16 bytes of every SQLite 3 database file. */
  private static final byte[] HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private DatabaseFile() {}

  /**
   * Checks {@code file} before it is opened or created.
   *
   * @param origin where the path came from, for the message: {@code "database="}, {@code "the data
   *     directory (XE_MIGRATE_DATA_DIR)"}
   */
  static Path check(Path file, String origin) {
    if (Files.exists(file)) {
      if (Files.isDirectory(file)) {
        throw refused(file, origin, "is a directory: give the database file");
      }
      if (!Files.isRegularFile(file)) {
        throw refused(file, origin, "is not a regular file");
      }
      if (!Files.isReadable(file) || !Files.isWritable(file)) {
        throw refused(file, origin, "is not readable and writable: check its permissions");
      }
      if (!sqlite(file)) {
        throw refused(file, origin, "is not an xe-migrate database (not SQLite)");
      }
      Path folder = file.toAbsolutePath().getParent();
      if (folder != null && !writable(folder)) {
        // SQLite writes its rollback and write-ahead files beside the database.
        throw refused(
            file,
            origin,
            "cannot be written: its folder " + folder + " is not writable by this user");
      }
      return file;
    }
    Path parent = file.toAbsolutePath().getParent();
    Path existing = parent;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null || !Files.isDirectory(existing)) {
      throw refused(file, origin, "cannot be created: its folder is not a directory");
    }
    if (!writable(existing)) {
      throw refused(
          file, origin, "cannot be created: " + existing + " is not writable by this user");
    }
    return file;
  }

  /** The journal in the data directory, checked the same way. */
  static Path checkDataDirectory(Path dataDirectory, Path journal) {
    String origin = "the data directory " + dataDirectory + " (XE_MIGRATE_DATA_DIR)";
    if (Files.exists(dataDirectory) && !Files.isDirectory(dataDirectory)) {
      throw new UsageException(
          origin + " is not a directory: set XE_MIGRATE_DATA_DIR to a directory you can write");
    }
    if (Files.isDirectory(dataDirectory) && !writable(dataDirectory)) {
      throw new UsageException(
          origin + " is not writable: set XE_MIGRATE_DATA_DIR to a directory you can write");
    }
    return check(journal, "the data directory (XE_MIGRATE_DATA_DIR)");
  }

  private static boolean writable(Path directory) {
    return Files.isWritable(directory) && Files.isExecutable(directory);
  }

  private static boolean sqlite(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] start = in.readNBytes(HEADER.length);
      // An empty file is a database SQLite has not written yet.
      return start.length == 0 || Arrays.equals(start, HEADER);
    } catch (IOException e) {
      return false;
    }
  }

  private static UsageException refused(Path file, String origin, String reason) {
    return new UsageException("the database " + file + " given by " + origin + " " + reason);
  }
}

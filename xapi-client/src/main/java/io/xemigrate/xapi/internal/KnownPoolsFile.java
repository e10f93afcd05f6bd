package io.xemigrate.xapi.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The trust-on-first-use record, one line per endpoint like ssh's known_hosts: {@code host:port
 * SHA-256-fingerprint}. Lines starting with {@code #} are comments.
 */
final class KnownPoolsFile {
  private final Path file;

  KnownPoolsFile(Path file) {
    this.file = file;
  }

  Path path() {
    return file;
  }

  /** The recorded fingerprint of an endpoint. */
  synchronized Optional<String> lookup(String endpoint) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String trimmed = line.trim();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        String[] fields = trimmed.split("\\s+");
        if (fields.length >= 2 && fields[0].equals(endpoint)) {
          return Optional.of(fields[1]);
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the known-pools file " + file, e);
    }
  }

  /** Records the first fingerprint seen for an endpoint. */
  synchronized void record(String endpoint, String fingerprint) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(
          file,
          endpoint + " " + fingerprint + System.lineSeparator(),
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the known-pools file " + file, e);
    }
  }
}

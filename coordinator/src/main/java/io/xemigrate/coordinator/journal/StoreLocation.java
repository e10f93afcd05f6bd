package io.xemigrate.coordinator.journal;

import io.xemigrate.coordinator.BadRequestException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the journal, the daemon's jobs and leases and the API's plans are kept: an SQLite file (the
 * default, one machine) or a PostgreSQL database ({@code postgresql://HOST[:PORT]/DB?user=NAME}),
 * which several daemons on several machines share. The password of a PostgreSQL database never sits
 * in the address: it comes from a file ({@code databasePasswordFile} in the daemon configuration,
 * {@code database-password-file=} on the command line) or from the environment ({@code
 * XE_MIGRATE_DATABASE_PASSWORD}).
 */
public sealed interface StoreLocation permits StoreLocation.SqliteFile, StoreLocation.Postgres {
  /** The environment variable a PostgreSQL password may come from. */
  String PASSWORD_VARIABLE = "XE_MIGRATE_DATABASE_PASSWORD";

  /** The scheme that marks a PostgreSQL address. */
  String SCHEME = "postgresql://";

  Dialect dialect();

  /** An SQLite file. */
  record SqliteFile(Path file) implements StoreLocation {
    @Override
    public Dialect dialect() {
      return Dialect.SQLITE;
    }

    @Override
    public String toString() {
      return file.toString();
    }
  }

  /** A PostgreSQL database; {@link #toString} never shows the password. */
  record Postgres(String host, int port, String database, String user, String password)
      implements StoreLocation {
    @Override
    public Dialect dialect() {
      return Dialect.POSTGRESQL;
    }

    /** The address as the user wrote it, without the password. */
    @Override
    public String toString() {
      return SCHEME + host + ":" + port + "/" + database + "?user=" + user;
    }
  }

  static StoreLocation file(Path file) {
    return new SqliteFile(file);
  }

  /** Whether {@code text} names a PostgreSQL database rather than a file. */
  static boolean isServer(String text) {
    return text.toLowerCase(Locale.ROOT).startsWith(SCHEME);
  }

  /**
   * Reads a {@code database} setting: a PostgreSQL address, else a file resolved by {@code files}.
   *
   * @param origin where the setting came from, for messages ({@code "database="})
   * @param passwordKey the setting that names a password file there, for messages
   * @param passwordFile that setting's file, if given
   */
  static StoreLocation parse(
      String text,
      String origin,
      String passwordKey,
      Function<String, Path> files,
      Optional<Path> passwordFile,
      Map<String, String> environment) {
    if (!isServer(text)) {
      return new SqliteFile(files.apply(text));
    }
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException e) {
      throw refused(origin, "is not an address: write postgresql://HOST[:PORT]/DB?user=NAME");
    }
    if (uri.getRawUserInfo() != null && uri.getRawUserInfo().contains(":")
        || query(uri, "password").isPresent()) {
      throw refused(
          origin,
          "carries a password: remove it and put it in a file named by "
              + passwordKey
              + " or in "
              + PASSWORD_VARIABLE);
    }
    String host = uri.getHost();
    String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    if (host == null || path.isEmpty() || path.contains("/")) {
      throw refused(
          origin, "names no host or database: write postgresql://HOST[:PORT]/DB?user=NAME");
    }
    Optional<String> user = query(uri, "user").or(() -> Optional.ofNullable(uri.getUserInfo()));
    if (user.isEmpty() || user.get().isBlank()) {
      throw refused(origin, "names no user: add ?user=NAME");
    }
    String password = password(origin, passwordKey, passwordFile, environment);
    return new Postgres(host, uri.getPort() < 0 ? 5432 : uri.getPort(), path, user.get(), password);
  }

  private static String password(
      String origin,
      String passwordKey,
      Optional<Path> passwordFile,
      Map<String, String> environment) {
    if (passwordFile.isPresent()) {
      try {
        return Files.readString(passwordFile.get(), StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new BadRequestException(
            "cannot read the database password file "
                + passwordFile.get()
                + " ("
                + passwordKey
                + "): check that it exists and that this user can read it");
      }
    }
    String variable = environment.get(PASSWORD_VARIABLE);
    if (variable != null && !variable.isEmpty()) {
      return variable;
    }
    throw refused(
        origin,
        "has no password: name a file with " + passwordKey + " or set " + PASSWORD_VARIABLE);
  }

  private static Optional<String> query(URI uri, String key) {
    String query = uri.getQuery();
    if (query == null) {
      return Optional.empty();
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      if (name.equalsIgnoreCase(key)) {
        return Optional.of(equals < 0 ? "" : pair.substring(equals + 1));
      }
    }
    return Optional.empty();
  }

  private static BadRequestException refused(String origin, String reason) {
    return new BadRequestException("the PostgreSQL database given by " + origin + " " + reason);
  }
}

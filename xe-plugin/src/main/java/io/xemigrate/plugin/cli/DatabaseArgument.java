package io.xemigrate.plugin.cli;

import com.google.common.collect.ImmutableSet;
import io.xemigrate.coordinator.journal.DataDirectory;
import io.xemigrate.coordinator.journal.StoreLocation;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code database=}: the SQLite file or the PostgreSQL database ({@code
 * postgresql://HOST[:PORT]/DB?user=NAME}) of the journal, the jobs and the leases, with {@code
 * database-password-file=} for a PostgreSQL password (else {@code XE_MIGRATE_DATABASE_PASSWORD});
 * without it, the journal of the data directory. A daemon's database given here shows its runs and
 * takes the same pool leases.
 */
final class DatabaseArgument {
  static final ImmutableSet<String> KEYS = ImmutableSet.of("database", "database-password-file");

  private DatabaseArgument() {}

  /** {@code database=} as given, checked; empty when not given. */
  static Optional<StoreLocation> given(Arguments arguments) {
    Optional<Path> passwordFile = arguments.optional("database-password-file").map(Path::of);
    Optional<String> text = arguments.optional("database");
    if (passwordFile.isPresent() && !text.map(StoreLocation::isServer).orElse(false)) {
      throw new UsageException(
          "database-password-file= applies to a PostgreSQL database only: give"
              + " database=postgresql://HOST[:PORT]/DB?user=NAME or leave it out");
    }
    return text.map(
        value ->
            StoreLocation.parse(
                value,
                "database=",
                "database-password-file=",
                file -> DatabaseFile.check(Path.of(file), "database="),
                passwordFile,
                System.getenv()));
  }

  /** {@code database=}, else the journal of the data directory. */
  static StoreLocation of(Arguments arguments) {
    return given(arguments).orElseGet(DatabaseArgument::dataDirectory);
  }

  static StoreLocation dataDirectory() {
    Path dataDirectory = DataDirectory.resolve(System.getenv(), System.getProperty("user.home"));
    return StoreLocation.file(
        DatabaseFile.checkDataDirectory(dataDirectory, DataDirectory.journal(dataDirectory)));
  }
}

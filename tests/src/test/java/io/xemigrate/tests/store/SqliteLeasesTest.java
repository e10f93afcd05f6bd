package io.xemigrate.tests.store;

import io.xemigrate.coordinator.journal.StoreLocation;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

/** The leases' contract on an SQLite file. */
class SqliteLeasesTest extends LeaseContract {
  @TempDir Path dir;
  private final AtomicInteger files = new AtomicInteger();

  @Override
  StoreLocation newStore() {
    return StoreLocation.file(dir.resolve("journal-" + files.incrementAndGet() + ".db"));
  }
}

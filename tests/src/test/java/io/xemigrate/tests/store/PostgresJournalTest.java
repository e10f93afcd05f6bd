package io.xemigrate.tests.store;

import io.xemigrate.coordinator.journal.StoreLocation;

/** The journal's contract on a PostgreSQL server started for the tests. */
class PostgresJournalTest extends JournalContract {
  @Override
  StoreLocation newStore() {
    return PostgresServer.shared().newDatabase();
  }
}

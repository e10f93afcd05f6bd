package io.xemigrate.tests.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.coordinator.journal.StoreLocation;
import io.xemigrate.daemon.DaemonDatabase;
import io.xemigrate.daemon.PoolLeases;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The leases' contract on a PostgreSQL server started for the tests, and what only a server gives:
 * expiry judged by the server's clock, so a daemon whose own clock runs hours ahead cannot take a
 * lease that is alive.
 */
class PostgresLeasesTest extends LeaseContract {
  @Override
  StoreLocation newStore() {
    return PostgresServer.shared().newDatabase();
  }

  @Test
  void aDaemonWhoseClockRunsAheadCannotTakeALiveLease() {
    try (DaemonDatabase database = DaemonDatabase.open(newStore())) {
      PoolLeases leases = new PoolLeases(database);
      leases.tryAcquire(
          Set.of("pool-a"), "daemon-1", "job-1", now(), Duration.ofHours(1), sql -> true);
      Instant aheadByADay = now().plus(Duration.ofDays(1));

      boolean taken =
          leases.tryAcquire(
              Set.of("pool-a"), "daemon-2", "job-2", aheadByADay, Duration.ofHours(1), sql -> true);

      assertThat(taken).isFalse();
      assertThat(leases.leases())
          .singleElement()
          .satisfies(
              lease -> {
                assertThat(lease.holder()).isEqualTo("daemon-1");
                assertThat(lease.expiresAt()).isBefore(aheadByADay);
              });
    }
  }
}

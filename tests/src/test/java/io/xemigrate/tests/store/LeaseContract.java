package io.xemigrate.tests.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.coordinator.journal.StoreLocation;
import io.xemigrate.daemon.DaemonDatabase;
import io.xemigrate.daemon.PoolLeases;
import io.xemigrate.daemon.PoolLeases.Holding;
import io.xemigrate.daemon.PoolLeases.Lease;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What pool leases promise whichever database keeps them (SQLite file or PostgreSQL): one holder
 * per pool while its lease lives, all pools or none, renewal by the holder only, takeover once a
 * lease expired (its holder died), the extra condition in the same transaction, the history of
 * holdings, and one winner when many processes race for a pool. A lease given no life ({@link
 * Duration#ZERO}) is a holder that died: expired from the next transaction on, on either clock.
 */
abstract class LeaseContract {
  private static final Duration LONG = Duration.ofHours(1);
  private static final Set<String> POOL_A = Set.of("pool-a");

  /** A new, empty database of the store under test. */
  abstract StoreLocation newStore();

  static Instant now() {
    return Clock.systemUTC().instant();
  }

  @Test
  void aLiveLeaseKeepsEveryOtherHolderOutUntilReleased() {
    try (DaemonDatabase database = DaemonDatabase.open(newStore())) {
      PoolLeases leases = new PoolLeases(database);

      assertThat(leases.tryAcquire(POOL_A, "daemon-1", "job-1", now(), LONG, sql -> true)).isTrue();
      assertThat(leases.tryAcquire(POOL_A, "daemon-2", "job-2", now(), LONG, sql -> true))
          .isFalse();
      assertThat(leases.tryAcquire(POOL_A, "daemon-1", "job-3", now(), LONG, sql -> true))
          .as("one run per pool, the holder's own included")
          .isFalse();
      leases.release(POOL_A, "daemon-2", now());
      assertThat(leases.leases()).extracting(Lease::holder).containsExactly("daemon-1");

      leases.release(POOL_A, "daemon-1", now());

      assertThat(leases.leases()).isEmpty();
      assertThat(leases.tryAcquire(POOL_A, "daemon-2", "job-2", now(), LONG, sql -> true)).isTrue();
    }
  }

  @Test
  void poolsAreTakenAllOrNone() {
    try (DaemonDatabase database = DaemonDatabase.open(newStore())) {
      PoolLeases leases = new PoolLeases(database);
      leases.tryAcquire(Set.of("pool-b"), "daemon-1", "job-1", now(), LONG, sql -> true);

      boolean taken =
          leases.tryAcquire(
              Set.of("pool-a", "pool-b"), "daemon-2", "job-2", now(), LONG, sql -> true);

      assertThat(taken).isFalse();
      assertThat(leases.leases())
          .extracting(Lease::poolUuid, Lease::holder)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("pool-b", "daemon-1"));
    }
  }

  @Test
  void aConditionThatFailsTakesNothing() {
    try (DaemonDatabase database = DaemonDatabase.open(newStore())) {
      PoolLeases leases = new PoolLeases(database);

      assertThat(leases.tryAcquire(POOL_A, "daemon-1", "job-1", now(), LONG, sql -> false))
          .isFalse();

      assertThat(leases.leases()).isEmpty();
      assertThat(leases.history()).isEmpty();
    }
  }

  @Test
  void anExpiredLeaseIsTakenOverAndItsHolderCanNoLongerRenewIt() {
    try (DaemonDatabase database = DaemonDatabase.open(newStore())) {
      PoolLeases leases = new PoolLeases(database);
      leases.tryAcquire(POOL_A, "daemon-dead", "job-1", now(), Duration.ZERO, sql -> true);

      assertThat(leases.tryAcquire(POOL_A, "daemon-2", "job-1", now(), LONG, sql -> true)).isTrue();

      assertThat(leases.renew(POOL_A, "daemon-dead", now(), LONG)).isFalse();
      assertThat(leases.renew(POOL_A, "daemon-2", now(), LONG)).isTrue();
      assertThat(leases.leases()).extracting(Lease::holder).containsExactly("daemon-2");
      List<Holding> history = leases.history();
      assertThat(history).extracting(Holding::holder).containsExactly("daemon-dead", "daemon-2");
      assertThat(history.get(0).released()).isPresent();
      assertThat(history.get(1).released()).isEmpty();
    }
  }

  @Test
  void renewingKeepsALeaseAliveThatWouldOtherwiseHaveExpired() {
    try (DaemonDatabase database = DaemonDatabase.open(newStore())) {
      PoolLeases leases = new PoolLeases(database);
      leases.tryAcquire(POOL_A, "daemon-1", "job-1", now(), Duration.ZERO, sql -> true);

      assertThat(leases.renew(POOL_A, "daemon-1", now(), LONG)).isTrue();

      assertThat(leases.tryAcquire(POOL_A, "daemon-2", "job-2", now(), LONG, sql -> true))
          .isFalse();
    }
  }

  @Test
  void twoConnectionsOnOneDatabaseShareTheLeases() {
    StoreLocation store = newStore();
    try (DaemonDatabase first = DaemonDatabase.open(store);
        DaemonDatabase second = DaemonDatabase.open(store)) {
      new PoolLeases(first).tryAcquire(POOL_A, "daemon-1", "job-1", now(), LONG, sql -> true);

      assertThat(
              new PoolLeases(second)
                  .tryAcquire(POOL_A, "daemon-2", "job-2", now(), LONG, sql -> true))
          .isFalse();
      assertThat(new PoolLeases(second).leases())
          .extracting(Lease::holder)
          .containsExactly("daemon-1");
    }
  }

  @Test
  void ofManyDaemonsRacingForAPoolExactlyOneGetsIt() throws Exception {
    StoreLocation store = newStore();
    int racers = 6;
    List<DaemonDatabase> databases = new ArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(racers);
    try {
      for (int i = 0; i < racers; i++) {
        databases.add(DaemonDatabase.open(store));
      }
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Optional<String>>> results = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        PoolLeases leases = new PoolLeases(databases.get(i));
        String holder = "daemon-" + i;
        Callable<Optional<String>> race =
            () -> {
              start.await();
              return leases.tryAcquire(
                      Set.of("pool-a", "pool-b"), holder, "job", now(), LONG, sql -> true)
                  ? Optional.of(holder)
                  : Optional.empty();
            };
        results.add(threads.submit(race));
      }
      start.countDown();
      List<String> winners = new ArrayList<>();
      for (Future<Optional<String>> result : results) {
        result.get().ifPresent(winners::add);
      }

      assertThat(winners).hasSize(1);
      assertThat(new PoolLeases(databases.get(0)).leases())
          .extracting(Lease::holder)
          .containsExactly(winners.get(0), winners.get(0));
      assertThat(new PoolLeases(databases.get(0)).history()).hasSize(2);
    } finally {
      threads.shutdownNow();
      databases.forEach(DaemonDatabase::close);
    }
  }
}

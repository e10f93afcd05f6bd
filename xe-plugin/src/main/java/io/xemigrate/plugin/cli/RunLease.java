package io.xemigrate.plugin.cli;

import io.xemigrate.coordinator.CoordinatorException;
import io.xemigrate.coordinator.ErrorKind;
import io.xemigrate.coordinator.batch.PoolGate;
import io.xemigrate.coordinator.journal.StoreLocation;
import io.xemigrate.daemon.DaemonDatabase;
import io.xemigrate.daemon.PoolLeases;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The pool leases a command-line run holds: the daemon's ({@link PoolLeases}, table {@code
 * pool_leases} of the journal's database), so one run acts on a pool at a time whichever started
 * it: {@code plan-apply}, {@code vm-migrate}, {@code host-evacuate}, {@code run-resume}, a job or
 * an API apply. Renewed every third of {@link #TTL} while the run lasts; a process killed with
 * {@code kill -9} stops renewing, and its lease expires after {@link #TTL}, so {@code run-resume}
 * can take it then.
 *
 * <p>{@link #gate} hands these leases to {@link io.xemigrate.coordinator.batch.BatchService} as its
 * {@link PoolGate}: the engine takes the pools through the gate and knows nothing of the daemon.
 */
final class RunLease implements AutoCloseable {
  /** The daemon's default lease life. */
  static final Duration TTL = Duration.ofSeconds(30);

  private final DaemonDatabase database;
  private final PoolLeases leases;
  private final Set<String> pools;
  private final String holder;
  private final ScheduledExecutorService heartbeat;

  private RunLease(DaemonDatabase database, PoolLeases leases, Set<String> pools, String holder) {
    this.database = database;
    this.leases = leases;
    this.pools = pools;
    this.holder = holder;
    this.heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "xe-migrate-lease");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * The gate of a command-line run started through {@link
   * io.xemigrate.coordinator.batch.BatchService}: each acquire takes the leases as {@link #take}
   * does, naming the run in the purpose.
   */
  static PoolGate gate(StoreLocation database, Runnable lost) {
    return (pools, runId) ->
        take(
            database,
            pools,
            "a command-line run (" + runId + ", process " + ProcessHandle.current().pid() + ")",
            lost);
  }

  /**
   * Takes the leases of {@code pools} for a run, or refuses with one line naming who holds them
   * ({@link CoordinatorException} {@code CONFLICT}, code {@code POOL_BUSY}, as the daemon's gate).
   *
   * @param purpose what the run is, shown to whoever finds the pools busy
   * @param lost called once when a renewal finds the leases taken (the run should stop)
   */
  static RunLease take(StoreLocation location, Set<String> pools, String purpose, Runnable lost) {
    DaemonDatabase database = DaemonDatabase.open(location);
    PoolLeases leases = new PoolLeases(database);
    String holder = "cli-" + ProcessHandle.current().pid() + "-" + host();
    Clock clock = Clock.systemUTC();
    boolean taken;
    try {
      releaseDeadHolders(leases, pools, clock);
      taken = leases.tryAcquire(pools, holder, purpose, clock.instant(), TTL, sql -> true);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    if (!taken) {
      String busy =
          leases.leases().stream()
              .filter(lease -> pools.contains(lease.poolUuid()))
              .filter(lease -> lease.expiresAt().isAfter(clock.instant()))
              .map(lease -> "pool " + lease.poolUuid() + " is busy with " + lease.purpose())
              .findFirst()
              .orElse("a pool of this run is busy with another run");
      database.close();
      throw new CoordinatorException(
          ErrorKind.CONFLICT,
          "POOL_BUSY",
          busy + ": wait for that run to end (run-list shows it), then start this one again");
    }
    RunLease lease = new RunLease(database, leases, pools, holder);
    long period = Math.max(1, TTL.toMillis() / 3);
    var unused =
        lease.heartbeat.scheduleAtFixedRate(
            () -> lease.renew(clock, lost), period, period, TimeUnit.MILLISECONDS);
    return lease;
  }

  /**
   * A lease of a command-line run on this machine whose process is gone (killed with {@code kill
   * -9}) is released at once rather than after its {@link #TTL}: {@code run-resume} follows a crash
   * without waiting. A daemon's leases and those of other machines expire as usual.
   */
  private static void releaseDeadHolders(PoolLeases leases, Set<String> pools, Clock clock) {
    String suffix = "-" + host();
    for (PoolLeases.Lease lease : leases.leases()) {
      String holder = lease.holder();
      if (!pools.contains(lease.poolUuid())
          || !holder.startsWith("cli-")
          || !holder.endsWith(suffix)) {
        continue;
      }
      String pid = holder.substring("cli-".length(), holder.length() - suffix.length());
      boolean alive =
          pid.matches("[0-9]{1,18}")
              && ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
      if (!alive) {
        leases.release(Set.of(lease.poolUuid()), holder, clock.instant());
      }
    }
  }

  private void renew(Clock clock, Runnable lost) {
    try {
      if (!leases.renew(pools, holder, clock.instant(), TTL)) {
        lost.run();
      }
    } catch (RuntimeException e) {
      // The database is busy: the next beat tries again, well inside the lease.
    }
  }

  @Override
  public void close() {
    heartbeat.shutdownNow();
    try {
      leases.release(pools, holder, Clock.systemUTC().instant());
    } finally {
      database.close();
    }
  }

  private static String host() {
    String name = System.getenv("HOSTNAME");
    return name == null || name.isBlank() ? "localhost" : name;
  }
}

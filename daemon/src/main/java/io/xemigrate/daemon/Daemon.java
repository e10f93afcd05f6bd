package io.xemigrate.daemon;

import io.xemigrate.coordinator.CoordinatorException;
import io.xemigrate.coordinator.ErrorKind;
import io.xemigrate.coordinator.batch.PoolGate;
import io.xemigrate.coordinator.journal.Journal;
import io.xemigrate.coordinator.pools.PoolProfile;
import io.xemigrate.coordinator.run.RunCoordinator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The scheduler of {@code xe-migrate serve}. Each {@link #tick} (the serve loop calls it every
 * {@link #POLL}; tests call it after moving their clock) does three things, every decision on the
 * injected clock:
 *
 * <ol>
 *   <li>records each job's occurrences since the last check (due, missed, paused: see {@link
 *       Occurrences}); an occurrence is unique in the database, so two daemons record it once;
 *   <li>takes over runs whose daemon died (RUNNING, lease expired) and resumes them;
 *   <li>starts pending runs (due or requested with {@code job-run}) whose pools' lease it gets, in
 *       the same transaction that marks the run RUNNING under this daemon.
 * </ol>
 *
 * <p>Runs go on worker threads; a heartbeat renews their leases every third of the lease's life.
 */
public final class Daemon implements AutoCloseable {
  /** How often the serve loop ticks: requested runs and takeovers are noticed within it. */
  public static final Duration POLL = Duration.ofSeconds(1);

  private final DaemonConfig config;
  private final DaemonServices services;
  private final String instance;
  private final DaemonDatabase database;
  private final JobStore store;
  private final PoolLeases leases;
  private final JobPlanner planner;
  private final JobRestore restore;
  private final JobExecutor executor;
  private final ExecutorService workers;
  private final ScheduledExecutorService heartbeat;
  private final ScheduledFuture<?> beating;
  private final Map<String, Active> active = new ConcurrentHashMap<>();
  private final Map<String, String> poolUuids = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> gated = new ConcurrentHashMap<>();
  private final Object wake = new Object();
  private volatile boolean stopping;
  private boolean closed;

  /** A run under way here: its pools (leased) and its coordinator once moves go. */
  private record Active(Set<String> pools, AtomicReference<RunCoordinator> coordinator) {}

  private Daemon(DaemonConfig config, DaemonServices services, DaemonDatabase database) {
    this.config = config;
    this.services = services;
    this.instance = "daemon-" + UUID.randomUUID().toString().substring(0, 8);
    this.database = database;
    this.store = new JobStore(database);
    this.leases = new PoolLeases(database);
    this.planner = new JobPlanner(services.directory(), services.connector());
    this.restore = new JobRestore(planner, services.connector(), store);
    this.executor = new JobExecutor(services, store, planner, restore, () -> stopping);
    this.workers = Executors.newCachedThreadPool(Daemon::thread);
    this.heartbeat = Executors.newSingleThreadScheduledExecutor(Daemon::thread);
    long period = Math.max(1, config.leaseTtl().toMillis() / 3);
    this.beating =
        heartbeat.scheduleAtFixedRate(this::renewLeases, period, period, TimeUnit.MILLISECONDS);
  }

  /** Opens the database and registers the configured jobs (nothing before now counts missed). */
  public static Daemon start(DaemonConfig config, DaemonServices services) {
    DaemonDatabase database = DaemonDatabase.open(services.database());
    Daemon daemon = new Daemon(config, services, database);
    daemon.store.register(
        config.jobs().stream().map(JobSpec::name).toList(), services.clock().instant());
    return daemon;
  }

  public String instance() {
    return instance;
  }

  public DaemonConfig config() {
    return config;
  }

  public JobStore store() {
    return store;
  }

  public PoolLeases leases() {
    return leases;
  }

  /** One round of scheduling, takeovers and starts; returns the runs it started. */
  public synchronized List<JobRunHandle> tick() {
    Instant now = services.clock().instant();
    List<JobRunHandle> started = new ArrayList<>();
    if (stopping) {
      return started;
    }
    for (JobSpec job : config.jobs()) {
      Instant checked = store.checkedUntil(job.name()).orElse(now);
      Occurrences.due(job, checked, now, store.paused(job.name()))
          .ifPresent(
              due -> store.recordOccurrence(job.name(), due.at(), now, due.status(), due.detail()));
      store.checkedUntil(job.name(), now);
    }
    // Interrupted runs first: they hold work half done on their pools.
    for (JobRunRecord run : store.withStatus(JobRunStatus.RUNNING)) {
      if (!active.containsKey(run.id())) {
        config.job(run.job()).flatMap(job -> claim(job, run, now)).ifPresent(started::add);
      }
    }
    for (JobRunRecord run : store.withStatus(JobRunStatus.PENDING)) {
      Optional<JobSpec> job = config.job(run.job());
      if (job.isEmpty()) {
        continue;
      }
      if (!now.isBefore(job.get().startDeadline(run.scheduledFor()))) {
        store.finish(
            run.id(), JobRunStatus.SKIPPED, "window closed while waiting for the pools", now);
        continue;
      }
      claim(job.get(), run, now).ifPresent(started::add);
    }
    return started;
  }

  /**
   * Records a request to run {@code job} now (what {@code job-run} and the API do); the next tick
   * starts it. Returns the job run's id.
   */
  public String request(String job) {
    if (config.job(job).isEmpty()) {
      throw new JobRunException("unknown job '" + job + "'");
    }
    String id = store.request(job, services.clock().instant());
    synchronized (wake) {
      wake.notifyAll();
    }
    return id;
  }

  /**
   * Ticks every {@link #POLL} until {@link #close}; waits on a monitor that close wakes. A tick
   * that fails (the database locked longer than its busy timeout) is reported to {@code warnings}
   * in one line and the next tick tries again.
   */
  public void serve(Consumer<String> warnings) throws InterruptedException {
    while (!stopping) {
      try {
        tick();
      } catch (RuntimeException e) {
        warnings.accept(
            "tick failed, trying again: " + String.valueOf(e.getMessage()).replace('\n', ' '));
      }
      synchronized (wake) {
        if (!stopping) {
          wake.wait(POLL.toMillis());
        }
      }
    }
  }

  private Optional<JobRunHandle> claim(JobSpec job, JobRunRecord run, Instant now) {
    Set<String> pools;
    try (Journal journal = Journal.open(services.database(), services.clock())) {
      pools = pools(job, journal);
    } catch (RuntimeException e) {
      if (run.status() == JobRunStatus.PENDING) {
        store.finish(run.id(), JobRunStatus.FAILED, String.valueOf(e.getMessage()), now);
      }
      return Optional.empty();
    }
    boolean claimed =
        leases.tryAcquire(
            pools,
            instance,
            run.id(),
            now,
            config.leaseTtl(),
            sql -> JobStore.claim(sql, run.id(), instance, run.holder(), now));
    if (!claimed) {
      return Optional.empty();
    }
    Active running = new Active(pools, new AtomicReference<>());
    active.put(run.id(), running);
    JobRunRecord claimedRun = store.run(run.id()).orElseThrow();
    CompletableFuture<JobRunStatus> done =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return executor.execute(job, claimedRun, running.coordinator());
              } finally {
                leases.release(pools, instance, services.clock().instant());
                active.remove(run.id());
              }
            },
            workers);
    return Optional.of(new JobRunHandle(run.id(), done));
  }

  /** The UUIDs of the pools a run of {@code job} acts on. */
  Set<String> pools(JobSpec job, Journal journal) {
    Set<String> pools = new TreeSet<>();
    if (job.action() == JobAction.RESTORE) {
      restore.last(job, journal).ifPresent(last -> pools.addAll(JobRestore.pools(last)));
      return pools;
    }
    pools.add(uuidOf(planner.pool(job.source(), "source", job.name())));
    job.destination()
        .ifPresent(name -> pools.add(uuidOf(planner.pool(name, "destination", job.name()))));
    return pools;
  }

  private String uuidOf(PoolProfile profile) {
    return profile
        .uuid()
        .orElseGet(
            () ->
                poolUuids.computeIfAbsent(
                    profile.name(),
                    name -> services.connector().loadInventory(profile).pool().uuid()));
  }

  /**
   * The gate API-started runs go through: the same leases as the jobs, renewed by the same
   * heartbeat while the run holds them.
   */
  public PoolGate gate() {
    return (pools, holder) -> {
      Instant now = services.clock().instant();
      String purpose = "api " + holder;
      if (!leases.tryAcquire(pools, instance, purpose, now, config.leaseTtl(), sql -> true)) {
        String busy =
            leases.leases().stream()
                .filter(lease -> pools.contains(lease.poolUuid()))
                .map(lease -> lease.poolUuid() + " (" + lease.purpose() + ")")
                .findFirst()
                .orElse(String.join(",", pools));
        throw new CoordinatorException(
            ErrorKind.CONFLICT,
            "POOL_BUSY",
            "pool " + busy + " is busy with another run: try again when it ends");
      }
      gated.put(purpose, Set.copyOf(pools));
      return () -> {
        gated.remove(purpose);
        leases.release(pools, instance, services.clock().instant());
      };
    };
  }

  private void renewLeases() {
    Instant now = services.clock().instant();
    for (Set<String> pools : gated.values()) {
      try {
        leases.renew(pools, instance, now, config.leaseTtl());
      } catch (RuntimeException e) {
        // As below: the next beat tries again.
      }
    }
    for (Active run : active.values()) {
      try {
        if (!leases.renew(run.pools(), instance, now, config.leaseTtl())) {
          // Someone took the pools over (this daemon stalled past the lease): stop starting moves.
          RunCoordinator coordinator = run.coordinator().get();
          if (coordinator != null) {
            coordinator.cancel();
          }
        }
      } catch (RuntimeException e) {
        // The database is busy or gone: the next beat tries again, well inside the lease.
      }
    }
  }

  /**
   * Stops: no new run starts, running ones are cancelled (tasks xapi still lets cancel; moves not
   * started end CANCELLED) and waited for, leases released.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stopping = true;
    synchronized (wake) {
      wake.notifyAll();
    }
    active
        .values()
        .forEach(
            run -> Optional.ofNullable(run.coordinator().get()).ifPresent(RunCoordinator::cancel));
    workers.shutdown();
    try {
      workers.awaitTermination(10, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    beating.cancel(false);
    heartbeat.shutdown();
    database.close();
  }

  private static Thread thread(Runnable task) {
    Thread thread = new Thread(task, "xe-migrate-daemon");
    thread.setDaemon(true);
    return thread;
  }
}

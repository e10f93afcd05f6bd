package io.xemigrate.plugin.cli;

import com.google.common.collect.ImmutableSet;
import io.xemigrate.coordinator.BadRequestException;
import io.xemigrate.coordinator.journal.DataDirectory;
import io.xemigrate.coordinator.journal.Journal;
import io.xemigrate.coordinator.journal.StoreLocation;
import io.xemigrate.coordinator.planning.JournalCalibration;
import io.xemigrate.coordinator.pools.PoolProfile;
import io.xemigrate.coordinator.run.PoolSide;
import io.xemigrate.coordinator.run.RunCoordinator;
import io.xemigrate.coordinator.run.RunOptions;
import io.xemigrate.coordinator.run.RunSummary;
import io.xemigrate.planner.plan.InventoryIdentity;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.predict.CalibrationObservations;
import io.xemigrate.xapi.PoolClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What {@code plan-apply}, {@code run-resume} and friends share: the journal in the user's data
 * directory, the two pools of a plan, and Ctrl-C, which cancels what xapi still lets cancel and
 * waits for every move to settle before the process ends.
 */
final class RunSession {
  private RunSession() {}

  static Journal openJournal() {
    return Journal.open(DatabaseArgument.dataDirectory(), Clock.systemUTC());
  }

  /** The journal of {@code database=}, else of the data directory. */
  static Journal openJournal(Arguments arguments) {
    return openJournal(DatabaseArgument.of(arguments));
  }

  /** The journal of {@code store} (see {@link DatabaseArgument#of}). */
  static Journal openJournal(StoreLocation store) {
    return Journal.open(store, Clock.systemUTC());
  }

  /**
   * The predictor's calibration from the journal's completed moves; none when there is no journal
   * yet (planning never creates one).
   */
  static CalibrationObservations calibration() {
    return calibration(StoreLocation.file(journalFile()));
  }

  /** As {@link #calibration()}, from the journal of {@code store}. */
  static CalibrationObservations calibration(StoreLocation store) {
    if (store instanceof StoreLocation.SqliteFile sqlite && !Files.exists(sqlite.file())) {
      return CalibrationObservations.none();
    }
    try (Journal journal = openJournal(store)) {
      return JournalCalibration.of(journal);
    }
  }

  static Path journalFile() {
    return DataDirectory.journal(dataDirectory());
  }

  private static Path dataDirectory() {
    return DataDirectory.resolve(System.getenv(), System.getProperty("user.home"));
  }

  static PoolProfile profileOf(PoolParameters pools, InventoryIdentity identity) {
    try {
      return pools.directory().resolve(identity.poolUuid(), "plan");
    } catch (BadRequestException byUuid) {
      return pools.directory().resolve(identity.poolName(), "plan");
    }
  }

  /** What runs inside a session: the coordinator and both pools of the plan. */
  @FunctionalInterface
  interface RunWork {
    RunSummary run(RunCoordinator coordinator, PoolSide source, PoolSide destination);
  }

  /** Connects both pools of {@code plan}, runs {@code work} with a coordinator, disconnects. */
  static RunSummary withCoordinator(
      MigrationPlan plan,
      PoolParameters pools,
      Journal journal,
      Console console,
      Function<RunCoordinator, RunSummary> work) {
    return withPools(
        plan,
        pools,
        journal,
        console,
        (coordinator, source, destination) -> work.apply(coordinator));
  }

  /** As {@link #withCoordinator}, with both pools handed to {@code work}. */
  static RunSummary withPools(
      MigrationPlan plan, PoolParameters pools, Journal journal, Console console, RunWork work) {
    PoolProfile sourceProfile = profileOf(pools, plan.source());
    PoolProfile destinationProfile = profileOf(pools, plan.destination());
    AtomicReference<RunCoordinator> running = new AtomicReference<>();
    try (RunLease lease =
            RunLease.take(
                journal.location(),
                // One pool for a move inside a pool.
                ImmutableSet.of(plan.source().poolUuid(), plan.destination().poolUuid()),
                "a command-line run (process " + ProcessHandle.current().pid() + ")",
                () -> {
                  // Someone took the pools over (this process stalled past the lease).
                  RunCoordinator coordinator = running.get();
                  if (coordinator != null) {
                    coordinator.cancel();
                  }
                });
        PoolClient source = pools.connector().connect(sourceProfile);
        PoolClient destination =
            plan.intraPool() ? null : pools.connector().connect(destinationProfile)) {
      PoolSide sourceSide = PoolSide.open(source);
      PoolSide destinationSide = plan.intraPool() ? sourceSide : PoolSide.open(destination);
      RunCoordinator coordinator =
          new RunCoordinator(
              sourceSide,
              destinationSide,
              journal,
              Clock.systemUTC(),
              Progress.forConsole(console),
              RunOptions.defaults());
      running.set(coordinator);
      return cancelOnExit(coordinator, () -> work.run(coordinator, sourceSide, destinationSide));
    }
  }

  /**
   * Runs {@code work}; Ctrl-C or SIGTERM interrupts {@code coordinator} (its stopped moves are
   * journaled INTERRUPTED, so {@code run-resume} starts them again) and waits for the moves to
   * settle, since every VM must be left running somewhere.
   */
  static RunSummary cancelOnExit(RunCoordinator coordinator, Supplier<RunSummary> work) {
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              coordinator.interrupt();
              try {
                // Every VM must be left running somewhere: wait for the moves to settle.
                finished.await(10, TimeUnit.MINUTES);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "xe-migrate-cancel");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return work.get();
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the hook is running and waits for us.
      }
    }
  }

  static ExitCode exitOf(RunSummary summary) {
    return switch (summary.status()) {
      case SUCCEEDED -> ExitCode.DONE;
      case RUNNING, FAILED, CANCELLED, NEEDS_RECONCILE -> ExitCode.FAILED;
    };
  }
}

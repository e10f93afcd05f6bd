package io.xemigrate.daemon;

import io.xemigrate.coordinator.batch.BatchRun;
import io.xemigrate.coordinator.batch.BatchService;
import io.xemigrate.coordinator.batch.PoolGate;
import io.xemigrate.coordinator.batch.PreparedRun;
import io.xemigrate.coordinator.journal.Journal;
import io.xemigrate.coordinator.journal.RunRecord;
import io.xemigrate.coordinator.journal.RunRecord.RunStatus;
import io.xemigrate.coordinator.pools.PoolProfile;
import io.xemigrate.coordinator.run.HostMaintenance;
import io.xemigrate.coordinator.run.MoveResult;
import io.xemigrate.coordinator.run.PoolSide;
import io.xemigrate.coordinator.run.RunCoordinator;
import io.xemigrate.coordinator.run.RunOptions;
import io.xemigrate.coordinator.run.RunSummary;
import io.xemigrate.planner.Finding;
import io.xemigrate.planner.Severity;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.planner.plan.PlanJson;
import io.xemigrate.planner.plan.Verdict;
import io.xemigrate.xapi.PoolClient;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs one claimed job run to its end (its pools' lease is held by the caller): plans and runs it
 * through the {@link BatchService}, as the command line and the API do, with the job's limits and
 * window, and records the outcome; schedules and job records are this class's own concern. Hosts go
 * through {@link HostMaintenance}, as with {@code host-evacuate} and {@code host-restore}: an
 * evacuation disables its enabled hosts (journaled in {@code run_hosts}) and at the end enables
 * them again, or with {@code maintenance} and a run that SUCCEEDED leaves them disabled and marked;
 * a restore enables the hosts the evacuation still holds. A run the journal already knows (a daemon
 * died during it) is resumed with {@link RunCoordinator#resume} instead, so nothing moves twice.
 */
final class JobExecutor {
  /** The moves of a run, given its coordinator and its two pools. */
  @FunctionalInterface
  private interface Moves {
    RunSummary run(RunCoordinator coordinator, PoolSide source, PoolSide destination);
  }

  private final DaemonServices services;
  private final JobStore store;
  private final JobPlanner planner;
  private final JobRestore restore;
  private final BooleanSupplier stopping;

  JobExecutor(
      DaemonServices services,
      JobStore store,
      JobPlanner planner,
      JobRestore restore,
      BooleanSupplier stopping) {
    this.services = services;
    this.store = store;
    this.planner = planner;
    this.restore = restore;
    this.stopping = stopping;
  }

  /** Runs it; {@code active} holds the coordinator while moves go (so a stop can cancel it). */
  JobRunStatus execute(JobSpec spec, JobRunRecord run, AtomicReference<RunCoordinator> active) {
    try (Journal journal = Journal.open(services.database(), services.clock())) {
      Optional<RunRecord> journaled =
          run.runId().isEmpty() ? Optional.empty() : journal.run(run.runId());
      if (journaled.isPresent()) {
        return resume(spec, run, journaled.get(), journal, active);
      }
      return fresh(spec, run, journal, active);
    } catch (RuntimeException e) {
      // Every failure (a pool unreachable, a name the planner cannot resolve) is one line.
      String message = String.valueOf(e.getMessage()).replace('\n', ' ');
      return finish(run, JobRunStatus.FAILED, message);
    }
  }

  private JobRunStatus fresh(
      JobSpec spec, JobRunRecord run, Journal journal, AtomicReference<RunCoordinator> active) {
    if (!services.clock().instant().isBefore(spec.startDeadline(run.scheduledFor()))) {
      return finish(run, JobRunStatus.SKIPPED, "window closed before the run could start");
    }
    BatchService batches = new BatchService(services.connector(), journal, services.clock());
    JobPlan jobPlan =
        spec.action() == JobAction.RESTORE
            ? restore.plan(spec, journal, batches)
            : planner.plan(spec, batches);
    if (jobPlan.plan().isEmpty()) {
      // As host-restore does: nothing to move back, but the evacuation's hosts are enabled.
      String enabled =
          jobPlan
              .restores()
              .map(evacuation -> "; " + release(evacuation, jobPlan, journal) + " hosts enabled")
              .orElse("");
      return finish(run, JobRunStatus.SUCCEEDED, "nothing to move" + enabled + notes(jobPlan));
    }
    MigrationPlan plan = jobPlan.plan().get();
    List<MovePlan> blocked =
        plan.moves().stream().filter(move -> move.verdict() != Verdict.OK).toList();
    if (!blocked.isEmpty() && spec.abortOnBlocked()) {
      return finish(
          run,
          JobRunStatus.ABORTED,
          "blocked: abort; nothing moved; " + describe(blocked) + notes(jobPlan));
    }
    if (plan.movableCount() == 0) {
      return finish(
          run,
          JobRunStatus.SUCCEEDED,
          "nothing movable; " + describe(blocked) + " (skipped)" + notes(jobPlan));
    }
    String runId = "job-" + run.id();
    store.started(run.id(), runId);
    BatchRun batch =
        BatchRun.of(runId, plan, jobPlan.source(), jobPlan.destination())
            .withOptions(options(spec, run))
            .withListener(services.listener())
            .withHostsToDisable(jobPlan.hostsToDisable(), spec.maintenance());
    if (jobPlan.restores().isPresent()) {
      // A restore enables the hosts the evacuation still holds, right before the moves back.
      batch = batch.withReleasesHostsOf(jobPlan.restores().get());
    }
    RunSummary summary;
    // The job's pools are leased by the caller for the whole job run: no gate here.
    try (PreparedRun prepared = batches.prepare(batch, PoolGate.none())) {
      active.set(prepared.coordinator());
      // A stop that came while this run was planning: start no move.
      if (stopping.getAsBoolean()) {
        prepared.coordinator().cancel();
      }
      try {
        summary = prepared.run();
      } finally {
        active.set(null);
      }
    }
    return ended(spec, run, summary, blocked, journal, notes(jobPlan));
  }

  private JobRunStatus resume(
      JobSpec spec,
      JobRunRecord run,
      RunRecord journaled,
      Journal journal,
      AtomicReference<RunCoordinator> active) {
    MigrationPlan plan = PlanJson.read(journaled.planJson());
    PoolProfile source = profile(plan, true, spec);
    PoolProfile destination = profile(plan, false, spec);
    String runId = run.runId();
    List<MovePlan> blocked =
        plan.moves().stream().filter(move -> move.verdict() != Verdict.OK).toList();
    if (journaled.status() != RunStatus.RUNNING) {
      // The daemon died after the moves ended but before it recorded so: the journal's run_hosts
      // still tells which hosts this run disabled.
      boolean failed = journaled.status() != RunStatus.SUCCEEDED;
      services
          .connector()
          .withClient(
              source,
              client -> HostMaintenance.finish(runId, client, journal, spec.maintenance(), failed));
      return finish(run, statusOf(journaled.status()), "finished before the restart");
    }
    RunSummary summary =
        withCoordinator(
            plan,
            source,
            destination,
            journal,
            options(spec, run),
            active,
            (coordinator, sourceSide, destinationSide) ->
                withHosts(
                    spec, runId, sourceSide.client(), journal, () -> coordinator.resume(runId)));
    return ended(spec, run, summary, blocked, journal, "");
  }

  /** Enables the hosts {@code evacuation} still holds, in the restore's destination pool. */
  private int release(String evacuation, JobPlan restore, Journal journal) {
    return services
        .connector()
        .withClient(
            restore.destination(), client -> HostMaintenance.release(evacuation, client, journal))
        .size();
  }

  /**
   * Runs the moves, then, whatever their end, enables the hosts the run disabled, or with {@code
   * maintenance} and a run that SUCCEEDED leaves them disabled and marked ({@link
   * HostMaintenance#finish}), as {@code host-evacuate} does.
   */
  private static RunSummary withHosts(
      JobSpec spec, String runId, PoolClient source, Journal journal, Supplier<RunSummary> moves) {
    RunSummary summary = null;
    try {
      summary = moves.get();
      return summary;
    } finally {
      boolean failed = summary == null || summary.status() != RunStatus.SUCCEEDED;
      HostMaintenance.finish(runId, source, journal, spec.maintenance(), failed);
    }
  }

  private JobRunStatus ended(
      JobSpec spec,
      JobRunRecord run,
      RunSummary summary,
      List<MovePlan> blocked,
      Journal journal,
      String notes) {
    long moved = summary.results().stream().filter(MoveResult::ok).count();
    long late =
        summary.results().stream()
            .filter(result -> result.outcomeCode().equals(RunOptions.WINDOW_CLOSED))
            .count();
    boolean kept = !HostMaintenance.held(summary.runId(), journal).isEmpty();
    String detail =
        "run "
            + summary.runId()
            + ": "
            + moved
            + " of "
            + summary.results().size()
            + " moves done"
            + (late > 0 ? "; " + late + " not started: window closed" : "")
            + (blocked.isEmpty() ? "" : "; " + describe(blocked) + " (skipped)")
            + (kept ? "; hosts left disabled (maintenance)" : "")
            + notes;
    return finish(run, statusOf(summary.status()), detail);
  }

  private static String notes(JobPlan jobPlan) {
    return jobPlan.notes().stream().map(note -> "; " + note).collect(Collectors.joining());
  }

  private RunOptions options(JobSpec spec, JobRunRecord run) {
    return services
        .baseOptions()
        .withMaxPerSourceHost(spec.perSourceHost())
        .withMaxConcurrent(spec.maxConcurrent())
        .withStartDeadline(spec.startDeadline(run.scheduledFor()));
  }

  private RunSummary withCoordinator(
      MigrationPlan plan,
      PoolProfile sourceProfile,
      PoolProfile destinationProfile,
      Journal journal,
      RunOptions options,
      AtomicReference<RunCoordinator> active,
      Moves work) {
    try (PoolClient source = services.connector().connect(sourceProfile);
        PoolClient destination =
            plan.intraPool() ? null : services.connector().connect(destinationProfile)) {
      PoolSide sourceSide = PoolSide.open(source);
      PoolSide destinationSide = plan.intraPool() ? sourceSide : PoolSide.open(destination);
      RunCoordinator coordinator =
          new RunCoordinator(
              sourceSide, destinationSide, journal, services.clock(), services.listener(), options);
      active.set(coordinator);
      // A stop that came while this run was planning: start no move.
      if (stopping.getAsBoolean()) {
        coordinator.cancel();
      }
      try {
        return work.run(coordinator, sourceSide, destinationSide);
      } finally {
        active.set(null);
      }
    }
  }

  private PoolProfile profile(MigrationPlan plan, boolean source, JobSpec spec) {
    var identity = source ? plan.source() : plan.destination();
    try {
      return planner.pool(identity.poolUuid(), "plan", spec.name());
    } catch (JobRunException byUuid) {
      return planner.pool(identity.poolName(), "plan", spec.name());
    }
  }

  private JobRunStatus finish(JobRunRecord run, JobRunStatus status, String detail) {
    String late = run.detail().startsWith("missed") ? "ran late (missed: run-late); " : "";
    store.finish(run.id(), status, late + detail, services.clock().instant());
    return status;
  }

  static JobRunStatus statusOf(RunStatus status) {
    return switch (status) {
      case RUNNING -> JobRunStatus.RUNNING;
      case SUCCEEDED -> JobRunStatus.SUCCEEDED;
      case FAILED -> JobRunStatus.FAILED;
      case CANCELLED -> JobRunStatus.CANCELLED;
      case NEEDS_RECONCILE -> JobRunStatus.NEEDS_RECONCILE;
    };
  }

  private static String describe(List<MovePlan> blocked) {
    return blocked.size()
        + " blocked: "
        + blocked.stream()
            .map(
                move ->
                    move.vmName()
                        + " "
                        + move.findings().stream()
                            .filter(finding -> finding.severity() == Severity.BLOCKER)
                            .map(Finding::code)
                            .findFirst()
                            .orElse(move.verdict().name()))
            .collect(Collectors.joining(", "));
  }
}

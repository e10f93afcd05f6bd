package io.xemigrate.plugin.daemon;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import io.xemigrate.planner.Finding;
import io.xemigrate.planner.Severity;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.planner.plan.PlanJson;
import io.xemigrate.planner.plan.Verdict;
import io.xemigrate.plugin.journal.Journal;
import io.xemigrate.plugin.journal.RunRecord;
import io.xemigrate.plugin.journal.RunRecord.RunStatus;
import io.xemigrate.plugin.pools.PoolProfile;
import io.xemigrate.plugin.run.MoveResult;
import io.xemigrate.plugin.run.PoolSide;
import io.xemigrate.plugin.run.RunCoordinator;
import io.xemigrate.plugin.run.RunOptions;
import io.xemigrate.plugin.run.RunSummary;
import io.xemigrate.xapi.PoolClient;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs one claimed job run to its end (its pools' lease is held by the caller): plans it as the
 * command line would, disables the hosts it evacuates, applies the plan through the {@link
 * RunCoordinator} and the journal with the job's limits and window, enables the hosts again unless
 * {@code maintenance}, and records the outcome. A run the journal already knows (a daemon died
 * during it) is resumed with {@link RunCoordinator#resume} instead, so nothing moves twice.
 */
final class JobExecutor {
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
    JobPlan jobPlan =
        spec.action() == JobAction.RESTORE ? restore.plan(spec, journal) : planner.plan(spec);
    if (jobPlan.plan().isEmpty()) {
      return finish(run, JobRunStatus.SUCCEEDED, "nothing to move");
    }
    MigrationPlan plan = jobPlan.plan().get();
    List<MovePlan> blocked =
        plan.moves().stream().filter(move -> move.verdict() != Verdict.OK).toList();
    if (!blocked.isEmpty() && spec.abortOnBlocked()) {
      return finish(
          run, JobRunStatus.ABORTED, "blocked: abort; nothing moved; " + describe(blocked));
    }
    if (plan.movableCount() == 0) {
      return finish(
          run, JobRunStatus.SUCCEEDED, "nothing movable; " + describe(blocked) + " (skipped)");
    }
    String runId = "job-" + run.id();
    store.started(run.id(), runId, String.join(",", jobPlan.hostsToDisable()));
    setHosts(jobPlan.source(), jobPlan.hostsToDisable(), false);
    RunSummary summary =
        withCoordinator(
            plan,
            jobPlan.source(),
            jobPlan.destination(),
            journal,
            options(spec, run),
            active,
            coordinator -> coordinator.apply(runId, plan));
    return ended(spec, run, jobPlan.source(), jobPlan.hostsToDisable(), summary, blocked);
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
    ImmutableList<String> hosts =
        ImmutableList.copyOf(Splitter.on(',').omitEmptyStrings().split(run.hosts()));
    List<MovePlan> blocked =
        plan.moves().stream().filter(move -> move.verdict() != Verdict.OK).toList();
    if (journaled.status() != RunStatus.RUNNING) {
      // The daemon died after the moves ended but before it recorded so.
      setHosts(source, hosts, !spec.maintenance());
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
            coordinator -> coordinator.resume(run.runId()));
    return ended(spec, run, source, hosts, summary, blocked);
  }

  private JobRunStatus ended(
      JobSpec spec,
      JobRunRecord run,
      PoolProfile source,
      List<String> hosts,
      RunSummary summary,
      List<MovePlan> blocked) {
    if (!spec.maintenance()) {
      setHosts(source, hosts, true);
    }
    long moved = summary.results().stream().filter(MoveResult::ok).count();
    long late =
        summary.results().stream()
            .filter(result -> result.outcomeCode().equals(RunOptions.WINDOW_CLOSED))
            .count();
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
            + (spec.maintenance() && !hosts.isEmpty() ? "; hosts left disabled (maintenance)" : "");
    return finish(run, statusOf(summary.status()), detail);
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
      Function<RunCoordinator, RunSummary> work) {
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
        return work.apply(coordinator);
      } finally {
        active.set(null);
      }
    }
  }

  private void setHosts(PoolProfile pool, List<String> hosts, boolean enabled) {
    if (hosts.isEmpty()) {
      return;
    }
    services
        .connector()
        .withClient(
            pool,
            client -> {
              for (String host : hosts) {
                if (enabled) {
                  client.enableHost(host);
                } else {
                  client.disableHost(host);
                }
              }
              return null;
            });
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

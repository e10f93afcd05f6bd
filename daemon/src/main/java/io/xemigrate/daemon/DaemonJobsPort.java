package io.xemigrate.daemon;

import io.xemigrate.daemon.api.ApiException;
import io.xemigrate.daemon.api.JobRunView;
import io.xemigrate.daemon.api.JobView;
import io.xemigrate.daemon.api.JobsPort;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The daemon's jobs for the HTTP API: a thin adapter over {@link JobCatalog} and {@link Daemon}.
 */
public final class DaemonJobsPort implements JobsPort {
  private final Daemon daemon;
  private final JobCatalog catalog;
  private final Clock clock;

  public DaemonJobsPort(Daemon daemon, Clock clock) {
    this.daemon = daemon;
    this.clock = clock;
    this.catalog = new JobCatalog(Optional.of(daemon.config()), daemon.store(), clock);
  }

  @Override
  public List<JobView> jobs() {
    return catalog.jobs().stream().map(DaemonJobsPort::view).toList();
  }

  @Override
  public Optional<JobView> job(String name) {
    return catalog.job(name).map(DaemonJobsPort::view);
  }

  @Override
  public String runNow(String name) {
    known(name);
    boolean busy = daemon.store().history(name).stream().anyMatch(run -> !run.status().isFinal());
    if (busy) {
      throw new ApiException(
          409,
          "CONFLICT",
          "job '" + name + "' is already pending or running: see its history, then try again");
    }
    return daemon.request(name);
  }

  @Override
  public void pause(String name) {
    known(name);
    daemon.store().setPaused(name, true, clock.instant());
  }

  @Override
  public void resume(String name) {
    known(name);
    daemon.store().setPaused(name, false, clock.instant());
  }

  @Override
  public List<JobRunView> history(String name) {
    known(name);
    return catalog.history(name).stream().map(DaemonJobsPort::view).toList();
  }

  private void known(String name) {
    if (catalog.job(name).isEmpty()) {
      throw JobsPort.unknown(name);
    }
  }

  private static JobView view(JobInfo job) {
    return new JobView(
        job.name(),
        job.schedule(),
        job.timeZone(),
        job.action(),
        job.paused(),
        job.paused() ? Optional.empty() : job.nextRun().map(Instant::toString),
        job.lastRun().map(JobRunRecord::id));
  }

  private static JobRunView view(JobRunRecord run) {
    return new JobRunView(
        run.id(),
        run.job(),
        run.scheduledFor().toString(),
        run.startedAt().map(Instant::toString).orElse(""),
        run.endedAt().map(Instant::toString),
        run.status().name(),
        run.runId().isEmpty() ? Optional.empty() : Optional.of(run.runId()),
        run.detail());
  }
}

package io.xemigrate.plugin.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableSet;
import io.xemigrate.daemon.Daemon;
import io.xemigrate.daemon.DaemonConfig;
import io.xemigrate.daemon.JobRunHandle;
import io.xemigrate.daemon.JobRunRecord;
import io.xemigrate.daemon.JobRunStatus;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code job-run job=}: runs a job now. Without {@code config=} it records a request in the
 * database, which the running daemon starts at its next tick (within a second) and this command
 * returns at once. With {@code config=} it runs the job in this process (as a daemon that ticks
 * once), unless its pools are leased by a running daemon: then the request stays for that daemon.
 */
final class JobRunCommand implements Command {
  @Override
  public String name() {
    return "job-run";
  }

  @Override
  public String summary() {
    return "Run a job now: queue it for the daemon, or run it here with config=";
  }

  @Override
  public String synopsis() {
    return "job-run job=NAME [config=FILE] [database=FILE] [--json]";
  }

  @Override
  public ImmutableSet<String> keys() {
    return ImmutableSet.<String>builder().add("job").addAll(JobSession.KEYS).build();
  }

  @Override
  public ExitCode run(Arguments arguments, Console console) {
    Optional<DaemonConfig> config;
    String id;
    try (JobSession session = JobSession.open(arguments)) {
      String job = session.job(arguments);
      config = session.config;
      if (config.isEmpty()) {
        id = session.store.request(job, Clock.systemUTC().instant());
        report(console, id, "requested", "the running daemon starts it within a second");
        return ExitCode.DONE;
      }
    }
    DaemonConfig daemonConfig = config.get();
    try (Daemon daemon =
        Daemon.start(
            daemonConfig,
            DaemonLaunch.services(daemonConfig, console, Progress.forConsole(console)))) {
      id = daemon.request(arguments.required("job"));
      Optional<JobRunHandle> started =
          daemon.tick().stream().filter(handle -> handle.id().equals(id)).findFirst();
      if (started.isEmpty()) {
        report(console, id, "requested", "its pools are busy: the running daemon starts it later");
        return ExitCode.DONE;
      }
      JobRunStatus status = started.get().done().join();
      JobRunRecord run = daemon.store().run(id).orElseThrow();
      report(console, id, status.name(), run.detail());
      return switch (status) {
        case SUCCEEDED, SKIPPED, PENDING, RUNNING -> ExitCode.DONE;
        case ABORTED -> ExitCode.BLOCKED;
        case FAILED, CANCELLED, NEEDS_RECONCILE -> ExitCode.FAILED;
      };
    }
  }

  private static void report(Console console, String id, String status, String detail) {
    if (console.json()) {
      console.line(
          new ObjectMapper()
              .createObjectNode()
              .put("jobRun", id)
              .put("status", status)
              .put("detail", detail)
              .toString());
    } else {
      console.line("job run " + id + ": " + status + " (" + detail + ")");
    }
  }
}

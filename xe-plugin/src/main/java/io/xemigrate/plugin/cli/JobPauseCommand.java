package io.xemigrate.plugin.cli;

import com.google.common.collect.ImmutableSet;
import java.time.Instant;

/**
 * {@code job-pause job=} and {@code job-resume job=}: a paused job's occurrences are recorded as
 * skipped; a requested run ({@code job-run}) still runs. Takes effect at the daemon's next tick.
 */
final class JobPauseCommand implements Command {
  private final boolean pause;

  private JobPauseCommand(boolean pause) {
    this.pause = pause;
  }

  static JobPauseCommand pause() {
    return new JobPauseCommand(true);
  }

  static JobPauseCommand resume() {
    return new JobPauseCommand(false);
  }

  @Override
  public String name() {
    return pause ? "job-pause" : "job-resume";
  }

  @Override
  public String summary() {
    return pause
        ? "Pause a job: its scheduled runs are skipped until job-resume"
        : "Resume a paused job";
  }

  @Override
  public String synopsis() {
    return name() + " job=NAME [config=FILE] [database=FILE] [--json]";
  }

  @Override
  public ImmutableSet<String> keys() {
    return ImmutableSet.<String>builder().add("job").addAll(JobSession.KEYS).build();
  }

  @Override
  public ExitCode run(Arguments arguments, Console console) {
    try (JobSession session = JobSession.open(arguments)) {
      String job = session.job(arguments);
      session.store.setPaused(job, pause, Instant.now());
      if (console.json()) {
        console.line("{\"job\":\"" + job + "\",\"paused\":" + pause + "}");
      } else {
        console.line("job " + job + (pause ? " paused" : " resumed"));
      }
      return ExitCode.DONE;
    }
  }
}

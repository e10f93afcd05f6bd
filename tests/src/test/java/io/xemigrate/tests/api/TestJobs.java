package io.xemigrate.tests.api;

import io.xemigrate.daemon.api.ApiException;
import io.xemigrate.daemon.api.JobRunView;
import io.xemigrate.daemon.api.JobView;
import io.xemigrate.daemon.api.JobsPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One job, {@code nightly-a2}, kept in memory: what the daemon's port would answer. */
final class TestJobs implements JobsPort {
  private boolean paused;
  private final List<JobRunView> runs = new ArrayList<>();

  @Override
  public synchronized List<JobView> jobs() {
    return List.of(view());
  }

  @Override
  public synchronized Optional<JobView> job(String name) {
    return name.equals("nightly-a2") ? Optional.of(view()) : Optional.empty();
  }

  @Override
  public synchronized String runNow(String name) {
    known(name);
    if (paused) {
      throw new ApiException(409, "JOB_PAUSED", "job " + name + " is paused: resume it first");
    }
    String id = "jobrun-" + (runs.size() + 1);
    runs.add(
        0,
        new JobRunView(
            id,
            name,
            "2026-11-28T01:00:00Z",
            "2026-11-28T01:00:01Z",
            Optional.empty(),
            "RUNNING",
            Optional.empty(),
            "started by the API"));
    return id;
  }

  @Override
  public synchronized void pause(String name) {
    known(name);
    paused = true;
  }

  @Override
  public synchronized void resume(String name) {
    known(name);
    paused = false;
  }

  @Override
  public synchronized List<JobRunView> history(String name) {
    known(name);
    return List.copyOf(runs);
  }

  private static void known(String name) {
    if (!name.equals("nightly-a2")) {
      throw JobsPort.unknown(name);
    }
  }

  private JobView view() {
    return new JobView(
        "nightly-a2",
        "0 2 * * SAT",
        "Europe/Paris",
        "evacuate-hosts",
        paused,
        paused ? Optional.empty() : Optional.of("2026-11-28T01:00:00Z"),
        runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(0).id()));
  }
}

package io.xemigrate.daemon.api;

import java.util.List;
import java.util.Optional;

/**
 * The daemon's scheduled jobs as the API drives them. The daemon implements it; {@link #none()}
 * stands for a server without jobs. Methods throw {@link ApiException} (404 unknown job, 409 a job
 * already running) with a code the API returns as is.
 */
public interface JobsPort {
  List<JobView> jobs();

  Optional<JobView> job(String name);

  /** Starts the job now; returns the job-run id. */
  String runNow(String name);

  void pause(String name);

  void resume(String name);

  /** The job's runs, newest first. */
  List<JobRunView> history(String name);

  /** No jobs configured: lists are empty, every named job is unknown. */
  static JobsPort none() {
    return new JobsPort() {
      @Override
      public List<JobView> jobs() {
        return List.of();
      }

      @Override
      public Optional<JobView> job(String name) {
        return Optional.empty();
      }

      @Override
      public String runNow(String name) {
        throw unknown(name);
      }

      @Override
      public void pause(String name) {
        throw unknown(name);
      }

      @Override
      public void resume(String name) {
        throw unknown(name);
      }

      @Override
      public List<JobRunView> history(String name) {
        throw unknown(name);
      }
    };
  }

  /** The 404 every implementation answers for a job it does not know. */
  static ApiException unknown(String name) {
    return new ApiException(
        404, "NOT_FOUND", "no job '" + name + "': GET /api/v1/jobs lists the configured jobs");
  }
}

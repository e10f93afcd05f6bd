package io.xemigrate.daemon.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code /api/v1/jobs}: the daemon's scheduled jobs, through its {@link JobsPort}. */
final class JobsApi {
  private final JobsPort jobs;

  JobsApi(JobsPort jobs) {
    this.jobs = jobs;
  }

  Reply list(ApiRequest request) {
    ObjectNode answer = ApiJson.object();
    ArrayNode list = answer.putArray("jobs");
    jobs.jobs().forEach(job -> list.add(view(job)));
    return Reply.ok(answer);
  }

  Reply get(ApiRequest request) {
    String name = request.pathParameter("name");
    return Reply.ok(view(jobs.job(name).orElseThrow(() -> JobsPort.unknown(name))));
  }

  Reply runNow(ApiRequest request) {
    String jobRun = jobs.runNow(request.pathParameter("name"));
    return new Reply.Json(202, ApiJson.object().put("jobRun", jobRun));
  }

  Reply pause(ApiRequest request) {
    String name = request.pathParameter("name");
    jobs.pause(name);
    return Reply.ok(view(jobs.job(name).orElseThrow(() -> JobsPort.unknown(name))));
  }

  Reply resume(ApiRequest request) {
    String name = request.pathParameter("name");
    jobs.resume(name);
    return Reply.ok(view(jobs.job(name).orElseThrow(() -> JobsPort.unknown(name))));
  }

  Reply history(ApiRequest request) {
    String name = request.pathParameter("name");
    ObjectNode answer = ApiJson.object().put("job", name);
    ArrayNode runs = answer.putArray("runs");
    for (JobRunView run : jobs.history(name)) {
      ObjectNode node =
          runs.addObject()
              .put("id", run.id())
              .put("job", run.job())
              .put("scheduledFor", run.scheduledFor())
              .put("startedAt", run.startedAt())
              .put("status", run.status())
              .put("detail", run.detail());
      run.endedAt().ifPresent(at -> node.put("endedAt", at));
      run.runId().ifPresent(id -> node.put("run", id));
    }
    return Reply.ok(answer);
  }

  private static ObjectNode view(JobView job) {
    ObjectNode node =
        ApiJson.object()
            .put("name", job.name())
            .put("schedule", job.schedule())
            .put("timeZone", job.timeZone())
            .put("action", job.action())
            .put("paused", job.paused());
    job.nextRun().ifPresent(at -> node.put("nextRun", at));
    job.lastRunId().ifPresent(id -> node.put("lastRun", id));
    return node;
  }
}

package io.xemigrate.plugin.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableSet;
import io.xemigrate.daemon.JobInfo;

/** {@code job-list}: the jobs, their schedule, next run, paused or not, and last run. */
final class JobListCommand implements Command {
  @Override
  public String name() {
    return "job-list";
  }

  @Override
  public String summary() {
    return "List the daemon's jobs: schedule, next run, paused, last run";
  }

  @Override
  public String synopsis() {
    return "job-list [config=FILE] [database=FILE] [--json]";
  }

  @Override
  public ImmutableSet<String> keys() {
    return JobSession.KEYS;
  }

  @Override
  public ExitCode run(Arguments arguments, Console console) {
    try (JobSession session = JobSession.open(arguments)) {
      ArrayNode jobs = new ObjectMapper().createArrayNode();
      for (JobInfo job : session.catalog.jobs()) {
        if (console.json()) {
          ObjectNode node =
              jobs.addObject()
                  .put("name", job.name())
                  .put("schedule", job.schedule())
                  .put("timeZone", job.timeZone())
                  .put("action", job.action())
                  .put("paused", job.paused());
          job.nextRun()
              .ifPresentOrElse(
                  at -> node.put("nextRun", at.toString()), () -> node.putNull("nextRun"));
          job.lastRun()
              .ifPresentOrElse(
                  run -> node.set("lastRun", JobSession.json(run)), () -> node.putNull("lastRun"));
        } else {
          console.line(
              String.format(
                  "%-20s %-16s %-16s %-15s %-7s next %-22s last %s",
                  job.name(),
                  orDash(job.schedule()),
                  orDash(job.timeZone()),
                  orDash(job.action()),
                  job.paused() ? "paused" : "active",
                  job.nextRun().map(Object::toString).orElse("-"),
                  job.lastRun().map(run -> run.id() + " " + run.status()).orElse("-")));
        }
      }
      if (console.json()) {
        console.line(new ObjectMapper().createObjectNode().set("jobs", jobs).toString());
      } else if (session.catalog.jobs().isEmpty()) {
        console.line("no jobs: give config=FILE, or start 'xe-migrate serve config=FILE' once");
      } else if (session.config.isEmpty()) {
        console.line(
            "(the database alone knows each job's name, pause and runs; config=FILE adds its"
                + " schedule, time zone, action and next run)");
      }
      return ExitCode.DONE;
    }
  }

  private static String orDash(String text) {
    return text.isEmpty() ? "-" : text;
  }
}

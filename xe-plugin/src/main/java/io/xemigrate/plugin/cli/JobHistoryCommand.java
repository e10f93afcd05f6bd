package io.xemigrate.plugin.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.google.common.collect.ImmutableSet;
import io.xemigrate.daemon.JobRunRecord;
import java.util.List;

/** {@code job-history job=}: a job's runs, skipped ones included, newest first. */
final class JobHistoryCommand implements Command {
  @Override
  public String name() {
    return "job-history";
  }

  @Override
  public String summary() {
    return "Show a job's runs, newest first, skipped ones included";
  }

  @Override
  public String synopsis() {
    return "job-history job=NAME [config=FILE] [database=FILE] [--json]";
  }

  @Override
  public ImmutableSet<String> keys() {
    return ImmutableSet.<String>builder().add("job").addAll(JobSession.KEYS).build();
  }

  @Override
  public ExitCode run(Arguments arguments, Console console) {
    try (JobSession session = JobSession.open(arguments)) {
      String job = session.job(arguments);
      List<JobRunRecord> runs = session.catalog.history(job);
      if (console.json()) {
        ArrayNode array = new ObjectMapper().createArrayNode();
        runs.forEach(run -> array.add(JobSession.json(run)));
        console.line(new ObjectMapper().createObjectNode().set("runs", array).toString());
      } else if (runs.isEmpty()) {
        console.line("job " + job + " has not run yet");
      } else {
        runs.forEach(run -> console.line(JobSession.line(run)));
      }
      return ExitCode.DONE;
    }
  }
}

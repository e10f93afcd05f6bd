package io.xemigrate.tests.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.coordinator.journal.Journal;
import io.xemigrate.coordinator.journal.RunRecord.RunStatus;
import io.xemigrate.daemon.DaemonDatabase;
import io.xemigrate.daemon.JobRunRecord;
import io.xemigrate.daemon.JobRunStatus;
import io.xemigrate.daemon.JobStore;
import io.xemigrate.daemon.PoolLeases;
import io.xemigrate.daemon.PoolLeases.Holding;
import io.xemigrate.tests.cli.CliProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code xe-migrate serve} as a real process: killed with SIGKILL in the middle of a job run (a
 * move being copied by the toolstack, two not started), then started again. The new daemon takes
 * the expired lease over and resumes the journal's run: every VM moved exactly once (the
 * simulator's record), the job run SUCCEEDED. Also: the job commands on the same database, and a
 * configuration error as one line with exit 2.
 */
class DaemonRestartTest {
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @TempDir Path dir;

  @Test
  void aDaemonKilledDuringARunResumesItOnRestartWithoutMovingAnythingTwice()
      throws IOException, InterruptedException {
    try (DaemonWorld world = new DaemonWorld(dir, 20)) {
      Path token = dir.resolve("api-token");
      Files.writeString(token, "restart-test-token-0123456789\n", StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
      Path config =
          world.config(
              "serve.yaml",
              "api: {listen: 127.0.0.1:0, tokenFile: api-token}\n",
              """
              - name: evacuate-a2
                schedule: "0 0 1 1 *"
                action: evacuate-hosts
                source: pool-a
                hosts: [a2]
                destination: pool-b
                limits: {maxConcurrent: 1, perSourceHost: 1}
              """);
      String id;
      try (DaemonProcess first = DaemonProcess.serve(dir, config, "--json")) {
        first.awaitLine(line -> line.contains("\"event\":\"ready\""), PATIENCE);
        try (DaemonDatabase database = DaemonDatabase.open(world.database)) {
          id = new JobStore(database).request("evacuate-a2", Clock.systemUTC().instant());
        }
        // A progress event: migrate_send went out and the toolstack is copying.
        first.awaitLine(line -> line.contains("\"event\":\"progress\""), PATIENCE);
        first.kill();
      }
      String runId;
      try (DaemonDatabase database = DaemonDatabase.open(world.database);
          Journal journal = Journal.open(world.database, Clock.systemUTC())) {
        JobRunRecord interrupted = new JobStore(database).run(id).orElseThrow();
        assertThat(interrupted.status()).isEqualTo(JobRunStatus.RUNNING);
        runId = interrupted.runId();
        assertThat(journal.run(runId).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
      }

      try (DaemonProcess second = DaemonProcess.serve(dir, config)) {
        String api = second.awaitLine(line -> line.contains(": API on "), PATIENCE);
        int port = Integer.parseInt(api.replaceAll(".*:(\\d+) \\(http\\)$", "$1"));
        second.awaitLine(line -> line.contains(" ready;"), PATIENCE);
        HttpResponse<String> jobs =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/jobs"))
                        .header("Authorization", "Bearer restart-test-token-0123456789")
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(jobs.statusCode()).isEqualTo(200);
        assertThat(jobs.body()).contains("\"name\":\"evacuate-a2\"");
        String finished =
            second.awaitLine(
                line -> line.startsWith("run " + runId + ": ") && line.endsWith("not done"),
                PATIENCE);
        assertThat(finished)
            .as(() -> second.seen() + " " + moves(world, runId))
            .contains("SUCCEEDED");
      }

      try (DaemonDatabase database = DaemonDatabase.open(world.database)) {
        JobRunRecord resumed = new JobStore(database).run(id).orElseThrow();
        assertThat(resumed.status()).isEqualTo(JobRunStatus.SUCCEEDED);
        assertThat(resumed.runId()).isEqualTo(runId);
        List<Holding> holdings = new PoolLeases(database).history();
        assertThat(holdings.stream().map(Holding::holder).collect(Collectors.toSet())).hasSize(2);
      }
      assertThat(world.migrationsPerVm())
          .containsOnlyKeys("small-1", "small-2", "small-3")
          .allSatisfy((vm, times) -> assertThat(times).as(vm).isEqualTo(1L));
      for (String vm : List.of("small-1", "small-2", "small-3")) {
        assertThat(world.whereRuns(vm)).get().asString().startsWith("pool-b/");
      }
      assertThat(world.hostEnabled("pool-a", "a2")).isTrue();

      CliProcess cli = new CliProcess(dir);
      CliProcess.Result history =
          cli.run("job-history", "job=evacuate-a2", "config=" + config, "--json");
      assertThat(history.exitCode()).as(history.err()).isZero();
      assertThat(history.out()).contains("\"id\":\"" + id + "\"", "\"status\":\"SUCCEEDED\"");
    }
  }

  private static String moves(DaemonWorld world, String runId) {
    try (Journal journal = Journal.open(world.database, Clock.systemUTC())) {
      return journal.moves(runId).toString() + " " + journal.steps(runId);
    }
  }

  @Test
  void aConfigurationMistakeIsOneLineNamingFileAndLineWithExit2() throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(
        bad,
        "pools: endpoints.json\njobs:\n  - name: nightly\n    schedule: \"0 2 * * SAT\"\n"
            + "    action: evacuate-hosts\n    source: pool-a\n    hosts: [a2]\n    windw: PT2H\n",
        StandardCharsets.UTF_8);

    CliProcess.Result result = new CliProcess(dir).run("serve", "config=" + bad);

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines())
        .containsExactly(
            "xe-migrate: error: config "
                + bad
                + ":8: unknown key 'windw' in a job (known: name, schedule, timeZone, action,"
                + " source, hosts, tag, restoreJob, destination, destinationHost, limits, window,"
                + " blocked, maintenance, missed, mode, cpuThreshold, memoryThreshold, maxMoves,"
                + " loadWindow, rules)");
  }
}

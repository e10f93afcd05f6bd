package io.xemigrate.tests.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xemigrate.coordinator.CoordinatorException;
import io.xemigrate.coordinator.ErrorKind;
import io.xemigrate.coordinator.run.RunListener;
import io.xemigrate.daemon.Daemon;
import io.xemigrate.daemon.DaemonJobsPort;
import io.xemigrate.daemon.JobRunHandle;
import io.xemigrate.daemon.JobRunStatus;
import io.xemigrate.daemon.api.ApiServer;
import io.xemigrate.daemon.api.ApiServices;
import io.xemigrate.daemon.api.ApiSettings;
import io.xemigrate.daemon.api.EventHub;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon behind the HTTP API: its jobs through {@link DaemonJobsPort}, and API-started runs
 * through {@link Daemon#gate()}, the same pool leases as the jobs: while an API run holds a pool, a
 * job on it waits, and a second API run is refused with 409 POOL_BUSY.
 */
class DaemonApiTest {
  private static final String TOKEN = "daemon-test-token-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void jobsThroughTheApiAndApiRunsThroughTheLeases() throws Exception {
    try (DaemonWorld world = new DaemonWorld(dir, 200)) {
      Path config =
          world.config(
              "api.yaml",
              """
              - name: solo
                schedule: "0 0 1 1 *"
                action: move-tagged
                source: pool-a
                tag: solo
                destination: pool-b
              """);
      Path token = dir.resolve("api-token");
      Files.writeString(token, TOKEN + "\n", StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
      TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"), Duration.ZERO);
      try (Daemon daemon = world.daemon(config, clock, RunListener.none());
          ApiServer api =
              ApiServer.start(
                  ApiSettings.loopback(token),
                  ApiServices.of(
                      world.directory,
                      world.connector,
                      world.database,
                      new DaemonJobsPort(daemon, clock),
                      daemon.gate(),
                      new EventHub()))) {
        String base = "http://127.0.0.1:" + api.port();
        assertThat(get(base + "/api/v1/jobs").at("/jobs/0/name").asText()).isEqualTo("solo");
        String poolA = world.directory.resolve("pool-a", "pool").uuid().orElseThrow();

        AutoCloseable apiRun = daemon.gate().acquire(Set.of(poolA), "run-api-1");
        assertThatThrownBy(() -> daemon.gate().acquire(Set.of(poolA), "run-api-2"))
            .isInstanceOfSatisfying(
                CoordinatorException.class,
                e -> {
                  assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT);
                  assertThat(e.code()).isEqualTo("POOL_BUSY");
                });
        HttpResponse<String> requested = post(base + "/api/v1/jobs/solo/run");
        assertThat(requested.statusCode()).isEqualTo(202);
        String id = JSON.readTree(requested.body()).get("jobRun").asText();
        assertThat(post(base + "/api/v1/jobs/solo/run").statusCode()).isEqualTo(409);
        assertThat(daemon.tick()).as("the API run holds pool-a").isEmpty();

        apiRun.close();
        List<JobRunHandle> started = daemon.tick();

        assertThat(started).extracting(JobRunHandle::id).containsExactly(id);
        assertThat(started.get(0).done().join()).isEqualTo(JobRunStatus.SUCCEEDED);
        JsonNode history = get(base + "/api/v1/jobs/solo/history");
        assertThat(history.at("/runs/0/id").asText()).isEqualTo(id);
        assertThat(history.at("/runs/0/status").asText()).isEqualTo("SUCCEEDED");
        assertThat(post(base + "/api/v1/jobs/nope/run").statusCode()).isEqualTo(404);
        assertThat(world.whereRuns("solo")).get().asString().startsWith("pool-b/");
      }
    }
  }

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static JsonNode get(String url) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + TOKEN)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> post(String url) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + TOKEN)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(""))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}

package io.xemigrate.tests.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.xemigrate.coordinator.pools.ConfigPaths;
import io.xemigrate.coordinator.pools.PoolConnector;
import io.xemigrate.coordinator.run.HostMaintenance;
import io.xemigrate.daemon.api.ApiServer;
import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.PowerState;
import io.xemigrate.xapi.model.Vm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every endpoint with good requests against the in-process simulator: plan, approve, apply, follow
 * the run through the event stream to its end, and find the VMs moved; cancel; checks; jobs;
 * health, metrics and the OpenAPI document.
 */
class ApiEndToEndTest {
  static final List<String> FIVE_VMS = List.of("web-01", "web-02", "app-01", "cache-01", "db-02");
  static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir Path dir;
  ApiFixture api;

  @BeforeEach
  void start() {
    api = new ApiFixture(dir);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  static String fiveVmsPlan() {
    return "{\"kind\":\"vm-migrate\",\"vms\":[\"web-01\",\"web-02\",\"app-01\",\"cache-01\","
        + "\"db-02\"],\"source\":\"pool-a\",\"destination\":\"pool-b\"}";
  }

  @Test
  void planApproveApplyMovesTheVmsAndReportsEveryMove() throws Exception {
    try (EventStream events = new EventStream(api.client, "/api/v1/events")) {
      assertThat(events.response.headers().firstValue("content-type").orElse(""))
          .startsWith("text/event-stream");
      ApiClient.Answer created = api.client.post("/api/v1/plans", fiveVmsPlan());
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      String planId = created.json().get("id").asText();
      assertThat(created.json().get("status").asText()).isEqualTo("draft");
      assertThat(created.json().get("moves").asInt()).isEqualTo(5);
      assertThat(created.json().at("/plan/moves")).hasSize(5);

      assertThat(api.client.get("/api/v1/plans").json().at("/plans/0/id").asText())
          .isEqualTo(planId);
      assertThat(api.client.get("/api/v1/plans/" + planId).json().at("/plan/moves")).hasSize(5);
      ApiClient.Answer approved = api.client.post("/api/v1/plans/" + planId + "/approve", "");
      assertThat(approved.status()).isEqualTo(200);
      assertThat(approved.json().get("status").asText()).isEqualTo("approved");

      String stale =
          approvedPlan("{\"kind\":\"vm-migrate\",\"vms\":[\"web-01\"],\"destination\":\"pool-b\"}");

      ApiClient.Answer applied = api.client.post("/api/v1/plans/" + planId + "/apply", "");
      assertThat(applied.status()).as(applied.body()).isEqualTo(202);
      String runId = applied.json().get("run").asText();
      events.await(
          line -> line.contains("\"run\":\"" + runId + "\"") && line.contains("\"finished\""),
          WAIT);

      assertThat(events.seen()).contains("event: progress", "event: run");
      assertThat(events.seen())
          .anyMatch(line -> line.startsWith("data: ") && line.contains("\"phase\":\"MIGRATING\""));
      JsonNode run = api.client.get("/api/v1/runs/" + runId).json();
      assertThat(run.get("status").asText()).isEqualTo("SUCCEEDED");
      assertThat(run.get("moves")).hasSize(5);
      for (JsonNode move : run.get("moves")) {
        assertThat(move.get("phase").asText()).isEqualTo("SUCCEEDED");
        assertThat(move.get("percent").asDouble()).isEqualTo(100.0);
        assertThat(move.get("destinationHost").asText()).isNotEmpty();
      }
      assertThat(api.client.get("/api/v1/runs").json().at("/runs/0/id").asText()).isEqualTo(runId);
      assertThat(api.client.get("/api/v1/plans/" + planId).json().get("status").asText())
          .isEqualTo("applied");

      PoolInventory poolB = inventory("pool-b");
      List<String> runningInB =
          poolB.guests().stream()
              .filter(vm -> vm.powerState() == PowerState.RUNNING)
              .map(Vm::nameLabel)
              .toList();
      assertThat(runningInB).containsAll(FIVE_VMS);
      assertThat(inventory("pool-a").guests().stream().map(Vm::nameLabel))
          .doesNotContainAnyElementsOf(FIVE_VMS);

      String metrics = api.client.get("/metrics").body();
      assertThat(metrics)
          .contains("xemigrate_moves_started_total 5\n")
          .contains("xemigrate_moves_finished_total{result=\"succeeded\"} 5\n")
          .contains("xemigrate_moves_failed_total 0\n")
          .contains("xemigrate_move_duration_seconds_count 5\n")
          .contains("xemigrate_downtime_seconds_count 5\n")
          .contains("xemigrate_runs_active 0\n");
      assertThat(api.client.get("/metrics").header("content-type").orElse(""))
          .startsWith("text/plain; version=0.0.4");

      ApiClient.Answer again = api.client.post("/api/v1/plans/" + planId + "/apply", "");
      assertThat(again.status()).isEqualTo(409);
      assertThat(again.errorCode()).isEqualTo("CONFLICT");
      ApiClient.Answer drifted = api.client.post("/api/v1/plans/" + stale + "/apply", "");
      assertThat(drifted.status()).as(drifted.body()).isEqualTo(409);
      assertThat(drifted.errorCode()).isEqualTo("PLAN_STALE");
      assertThat(drifted.json().at("/error/message").asText()).contains("web-01");
      assertThat(api.client.get("/api/v1/plans/" + stale).json().get("status").asText())
          .isEqualTo("approved");
    }
  }

  @Test
  void eventStreamOfOneRunAndADisconnectedSubscriberIsRemoved() throws Exception {
    String planId = approvedPlan(fiveVmsPlan());
    try (EventStream all = new EventStream(api.client, "/api/v1/events?run=no-such-run")) {
      assertThat(api.events.awaitSubscribers(1, WAIT)).isTrue();
      String runId =
          api.client.post("/api/v1/plans/" + planId + "/apply", "").json().get("run").asText();
      try (EventStream mine = new EventStream(api.client, "/api/v1/events?run=" + runId)) {
        mine.await(line -> line.contains("\"finished\""), WAIT);
        assertThat(mine.seen()).allMatch(line -> !line.startsWith("data:") || line.contains(runId));
      }
      assertThat(api.events.awaitSubscribers(1, WAIT)).as("the closed stream is removed").isTrue();
    }
    assertThat(api.events.awaitSubscribers(0, WAIT)).isTrue();
  }

  @Test
  void cancelStopsTheMovesNotStartedAndAFinishedRunCannotBeCancelled() throws Exception {
    String planId = approvedPlan(fiveVmsPlan());
    try (EventStream events = new EventStream(api.client, "/api/v1/events")) {
      String runId =
          api.client.post("/api/v1/plans/" + planId + "/apply", "").json().get("run").asText();
      ApiClient.Answer cancelled = api.client.post("/api/v1/runs/" + runId + "/cancel", "");
      assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(202);
      events.await(line -> line.contains(runId) && line.contains("\"finished\""), WAIT);
      JsonNode run = api.client.get("/api/v1/runs/" + runId).json();
      assertThat(run.get("status").asText()).isEqualTo("CANCELLED");
      List<String> phases = new ArrayList<>();
      run.get("moves").forEach(move -> phases.add(move.get("phase").asText()));
      assertThat(phases)
          .contains("CANCELLED")
          .allMatch(p -> p.equals("CANCELLED") || p.equals("SUCCEEDED"));
      ApiClient.Answer again = api.client.post("/api/v1/runs/" + runId + "/cancel", "");
      assertThat(again.status()).isEqualTo(409);
      assertThat(again.errorCode()).isEqualTo("CONFLICT");
    }
  }

  @Test
  void hostEvacuationPlanAndChecks() {
    ApiClient.Answer created =
        api.client.post(
            "/api/v1/plans",
            "{\"kind\":\"host-evacuate\",\"hosts\":[\"a2\"],\"destination\":\"pool-b\","
                + "\"maintenance\":false}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("moves").asInt()).isEqualTo(7);
    assertThat(created.json().get("blocked").asInt()).isEqualTo(3);

    ApiClient.Answer checks =
        api.client.post(
            "/api/v1/checks", "{\"vms\":[\"web-01\",\"db-01\"],\"destination\":\"pool-b\"}");
    assertThat(checks.status()).as(checks.body()).isEqualTo(200);
    assertThat(checks.json().get("checks")).hasSize(2);
    assertThat(checks.json().has("allCanMove")).isTrue();
  }

  @Test
  void anEvacuationWithMaintenanceLeavesTheHostDisabledAndMarked() throws Exception {
    String planId =
        approvedPlan(
            "{\"kind\":\"host-evacuate\",\"hosts\":[\"a3\"],\"destination\":\"pool-b\","
                + "\"maintenance\":true}");
    try (EventStream events = new EventStream(api.client, "/api/v1/events")) {
      assertThat(api.events.awaitSubscribers(1, WAIT)).isTrue();
      String runId =
          api.client.post("/api/v1/plans/" + planId + "/apply", "").json().get("run").asText();
      events.await(
          line -> line.contains("\"run\":\"" + runId + "\"") && line.contains("\"finished\""),
          WAIT);
      assertThat(api.client.get("/api/v1/runs/" + runId).json().get("status").asText())
          .isEqualTo("SUCCEEDED");
      Host a3 =
          inventory("pool-a").hosts().values().stream()
              .filter(host -> host.nameLabel().equals("a3"))
              .findFirst()
              .orElseThrow();
      assertThat(a3.enabled()).isFalse();
      assertThat(a3.otherConfig())
          .containsEntry(HostMaintenance.MAINTENANCE_MODE, "true")
          .containsEntry(HostMaintenance.RUN_KEY, runId);
    }
  }

  @Test
  void jobsThroughTheJobsPort() {
    assertThat(api.client.get("/api/v1/jobs").json().at("/jobs/0/name").asText())
        .isEqualTo("nightly-a2");
    JsonNode job = api.client.get("/api/v1/jobs/nightly-a2").json();
    assertThat(job.get("schedule").asText()).isEqualTo("0 2 * * SAT");
    assertThat(job.get("paused").asBoolean()).isFalse();
    ApiClient.Answer run = api.client.post("/api/v1/jobs/nightly-a2/run", "");
    assertThat(run.status()).isEqualTo(202);
    assertThat(run.json().get("jobRun").asText()).isEqualTo("jobrun-1");
    assertThat(api.client.get("/api/v1/jobs/nightly-a2/history").json().at("/runs/0/id").asText())
        .isEqualTo("jobrun-1");
    assertThat(
            api.client.post("/api/v1/jobs/nightly-a2/pause", "").json().get("paused").asBoolean())
        .isTrue();
    ApiClient.Answer paused = api.client.post("/api/v1/jobs/nightly-a2/run", "");
    assertThat(paused.status()).isEqualTo(409);
    assertThat(paused.errorCode()).isEqualTo("JOB_PAUSED");
    assertThat(
            api.client.post("/api/v1/jobs/nightly-a2/resume", "").json().get("paused").asBoolean())
        .isFalse();
  }

  @Test
  void healthNeedsNoTokenAndTheOpenApiDocumentDescribesEveryEndpoint() throws Exception {
    ApiClient anonymous = new ApiClient(api.client.http, api.client.base, "");
    ApiClient.Answer health = anonymous.get("/healthz");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("status").asText()).isEqualTo("ok");
    assertThat(health.json().get("version").asText()).isNotEmpty();

    JsonNode document = api.client.get("/api/v1/openapi.json").json();
    assertThat(document.get("openapi").asText()).startsWith("3.0");
    Set<String> documented = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      path.getValue()
          .fieldNames()
          .forEachRemaining(
              method ->
                  documented.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey()));
    }
    assertThat(documented).isEqualTo(new TreeSet<>(ApiServer.endpoints()));
    try (var in = ApiServer.class.getResourceAsStream("/io/xemigrate/daemon/api/openapi.json")) {
      assertThat(ApiClient.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)))
          .isEqualTo(document);
    }
  }

  private String approvedPlan(String body) {
    ApiClient.Answer created = api.client.post("/api/v1/plans", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String planId = created.json().get("id").asText();
    assertThat(api.client.post("/api/v1/plans/" + planId + "/approve", "").status()).isEqualTo(200);
    return planId;
  }

  private PoolInventory inventory(String pool) {
    return new PoolConnector(new ConfigPaths(dir.resolve("config")), Map.of(), warning -> {})
        .loadInventory(api.pools.resolve(pool, "pool"));
  }
}

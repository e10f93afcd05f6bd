package io.xemigrate.simulator.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xemigrate.simulator.Simulator;
import io.xemigrate.simulator.SimulatorOptions;
import io.xemigrate.simulator.scenario.Scenario;
import io.xemigrate.simulator.scenario.ScenarioLoader;
import io.xemigrate.simulator.store.XapiClass;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The hidden truth is reachable on the control endpoint (for the bench), and only there. */
class ControlWorkloadsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theControlEndpointShowsEachVmsWorkloadAndItsTrueDirtyRateOverTime() throws Exception {
    Scenario scenario = ScenarioLoader.loadBundled("two-pools.yaml");
    SimulatorOptions options = SimulatorOptions.manualClock().withPlainHttp(true);
    try (MigrationExtension migration = MigrationExtension.of(scenario, options.clock());
        Simulator sim = Simulator.start(scenario, options.withExtension(migration));
        ControlServer control = ControlServer.start(migration.service())) {
      sim.clock().advance(Duration.ofSeconds(900));
      String uuid =
          sim.pool("pool-a")
              .store()
              .where(XapiClass.VM, vm -> vm.string("name_label").equals("db-01"))
              .get(0)
              .uuid();
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

      JsonNode workloads = JSON.readTree(get(http, control.url() + "/sim/workloads"));
      JsonNode db = null;
      for (JsonNode vm : workloads.get("vms")) {
        if (vm.get("vm").asText().equals(uuid)) {
          db = vm;
        }
      }
      assertThat(db).isNotNull();
      assertThat(db.get("baseDirtyBytesPerSecond").asDouble()).isPositive();
      assertThat(db.get("workingSetBytes").asLong()).isPositive();

      JsonNode series =
          JSON.readTree(get(http, control.url() + "/sim/workloads/dirty?vm=" + uuid + "&step=5"));
      JsonNode points = series.get("points");
      assertThat(points).hasSize(120);
      assertThat(points.get(119).get("t").asLong()).isEqualTo(895);
      double lowest = Double.MAX_VALUE;
      double highest = 0;
      for (JsonNode point : points) {
        lowest = Math.min(lowest, point.get("bytesPerSecond").asDouble());
        highest = Math.max(highest, point.get("bytesPerSecond").asDouble());
      }
      assertThat(highest).isGreaterThan(lowest * 1.2);

      HttpResponse<String> unknown =
          http.send(
              HttpRequest.newBuilder(URI.create(control.url() + "/sim/workloads/dirty?vm=nope"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(unknown.statusCode()).isEqualTo(400);
    }
  }

  @Test
  void aPostMultipliesAVmsTrueDirtyRateFromNowOn() throws Exception {
    Scenario scenario = ScenarioLoader.loadBundled("two-pools.yaml");
    SimulatorOptions options = SimulatorOptions.manualClock().withPlainHttp(true);
    try (MigrationExtension migration = MigrationExtension.of(scenario, options.clock());
        Simulator sim = Simulator.start(scenario, options.withExtension(migration));
        ControlServer control = ControlServer.start(migration.service())) {
      sim.clock().advance(Duration.ofSeconds(900));
      String uuid =
          sim.pool("pool-a")
              .store()
              .where(XapiClass.VM, vm -> vm.string("name_label").equals("db-01"))
              .get(0)
              .uuid();
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      String window = control.url() + "/sim/workloads/dirty?vm=" + uuid + "&from=800&to=1000";
      JsonNode before = JSON.readTree(get(http, window + "&step=100")).get("points");

      assertThat(
              post(
                  http,
                  control.url() + "/sim/workloads/dirty",
                  "{\"vm\":\"" + uuid + "\",\"factor\":2.0}"))
          .isEqualTo(202);

      JsonNode after = JSON.readTree(get(http, window + "&step=100")).get("points");
      // The window before the change keeps its rate; the one after it doubles.
      assertThat(after.get(0).get("bytesPerSecond").asDouble())
          .isEqualTo(before.get(0).get("bytesPerSecond").asDouble());
      assertThat(after.get(1).get("bytesPerSecond").asDouble())
          .isCloseTo(2 * before.get(1).get("bytesPerSecond").asDouble(), within(1e-6));
      assertThat(
              post(http, control.url() + "/sim/workloads/dirty", "{\"vm\":\"nope\",\"factor\":2}"))
          .isEqualTo(400);
      assertThat(
              post(
                  http,
                  control.url() + "/sim/workloads/dirty",
                  "{\"vm\":\"" + uuid + "\",\"factor\":0}"))
          .isEqualTo(400);
    }
  }

  private static int post(HttpClient http, String url, String body) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  private static String get(HttpClient http, String url) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }
}

package io.xemigrate.simulator.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xemigrate.simulator.Simulator;
import io.xemigrate.simulator.SimulatorOptions;
import io.xemigrate.simulator.scenario.Scenario;
import io.xemigrate.simulator.scenario.ScenarioLoader;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiRecord;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code GET /sim/hosts/load}: each host's true CPU demand and guests, for the bench only. */
class ControlHostLoadTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void eachHostsTrueCpuDemandFollowsItsRunningGuests() throws Exception {
    Scenario scenario = ScenarioLoader.loadBundled("two-pools.yaml");
    SimulatorOptions options = SimulatorOptions.manualClock().withPlainHttp(true);
    try (MigrationExtension migration = MigrationExtension.of(scenario, options.clock());
        Simulator sim = Simulator.start(scenario, options.withExtension(migration));
        ControlServer control = ControlServer.start(migration.service())) {
      sim.clock().advance(Duration.ofSeconds(600));
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(control.url() + "/sim/hosts/load?from=0&to=600"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      JsonNode body = JSON.readTree(response.body());
      assertThat(body.get("from").asLong()).isZero();
      assertThat(body.get("to").asLong()).isEqualTo(600);
      int hosts = 0;
      for (JsonNode host : body.get("hosts")) {
        hosts++;
        XapiRecord record =
            sim.pool(host.get("pool").asText())
                .store()
                .findByUuid(XapiClass.HOST, host.get("host").asText())
                .orElseThrow();
        assertThat(host.get("cpus").asLong())
            .isEqualTo(Long.parseLong(record.stringMap("cpu_info").get("cpu_count").toString()));
        assertThat(host.get("cpuDemand").asDouble()).isPositive();
        if (host.get("guests").asInt() == 0) {
          // Only the control domain's share: 2 % of each CPU.
          assertThat(host.get("cpuDemand").asDouble()).isEqualTo(0.02);
          assertThat(host.get("guestMemoryBytes").asLong()).isZero();
        } else {
          assertThat(host.get("cpuDemand").asDouble()).isGreaterThan(0.02);
          assertThat(host.get("guestMemoryBytes").asLong()).isPositive();
        }
      }
      assertThat(hosts).isEqualTo(scenario.pools().stream().mapToInt(p -> p.hosts().size()).sum());

      HttpResponse<String> bad =
          http.send(
              HttpRequest.newBuilder(URI.create(control.url() + "/sim/hosts/load?from=9&to=3"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(bad.statusCode()).isEqualTo(400);
    }
  }
}

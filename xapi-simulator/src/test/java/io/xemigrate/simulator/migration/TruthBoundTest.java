package io.xemigrate.simulator.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.store.XapiClass;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /sim/truth/bound}: the recorded moves re-run alone, and the bound they give. */
class TruthBoundTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final TestPools world = new TestPools();
  private final TestPools.Pool a = world.source;

  @AfterEach
  void close() {
    world.close();
  }

  @Test
  void movesThatSharedALinkTookLongerThanAloneAndTheBoundIsTheirsAlone() throws Exception {
    // A 2 Gbit/s sending NIC: one stream fills it, so three share it.
    a.set(
        XapiClass.PIF,
        a.pifs.get(a.hosts.get(1)),
        "other_config",
        Map.of(PhysicsParameters.PIF_BANDWIDTH, "2000"));
    List<String> vms =
        List.of(
            a.vm("one", a.hosts.get(1), 8, 20),
            a.vm("two", a.hosts.get(1), 8, 20),
            a.vm("three", a.hosts.get(1), 8, 20));
    List<String> tasks =
        vms.stream()
            .map(vm -> (String) a.call("Async.VM.pool_migrate", vm, a.hosts.get(2), Map.of()))
            .toList();
    tasks.forEach(a::await);

    try (ControlServer control = ControlServer.start(world.service)) {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      JsonNode bound = JSON.readTree(get(http, control.url() + "/sim/truth/bound"));
      JsonNode recorded = JSON.readTree(get(http, control.url() + "/sim/migrations"));

      Map<String, Double> shared = new HashMap<>();
      for (JsonNode move : recorded.get("migrations")) {
        shared.put(move.get("vm").asText(), move.get("totalSeconds").asDouble());
      }
      assertThat(bound.get("moves")).hasSize(3);
      double longest = 0;
      double sent = 0;
      for (JsonNode move : bound.get("moves")) {
        double solo = move.get("soloSeconds").asDouble();
        assertThat(solo).isPositive().isLessThan(shared.get(move.get("vm").asText()));
        assertThat(move.get("soloDowntimeSeconds").asDouble()).isPositive();
        longest = Math.max(longest, solo);
        sent += move.get("soloBytes").asDouble();
      }
      assertThat(bound.get("chainSeconds").asDouble()).isCloseTo(longest, within(1e-9));
      // Three moves through one sending NIC: at least their bytes over its capacity.
      assertThat(bound.get("networkSeconds").asDouble()).isPositive();
      assertThat(sent).isGreaterThanOrEqualTo(3 * 8.0 * TestPools.GIB * 0.5);
      assertThat(ImmutableMap.copyOf(shared)).hasSize(3);
    }
  }

  private static String get(HttpClient http, String url) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }
}

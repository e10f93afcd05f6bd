package io.xemigrate.plugin.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The simulator's recorded truth, read from its control endpoint ({@code GET /sim/migrations},
 * {@code GET /sim/truth/bound}), which only the bench reads: the planner never sees it.
 */
final class SimulatorTruth {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What one migration really did.
   *
   * @param startedAtSeconds virtual start time
   * @param converged whether pre-copy ended under the dirty threshold, not at the round cap
   */
  record TrueMove(
      String vmUuid,
      double startedAtSeconds,
      double totalSeconds,
      double downtimeSeconds,
      boolean converged) {}

  /**
   * A recorded migration re-run alone from the same start.
   *
   * @param soloSeconds its time alone on its links
   */
  record SoloMove(
      String vmUuid, String sourceHostUuid, String destinationHostUuid, double soloSeconds) {}

  /**
   * The truth's bound terms and every move alone.
   *
   * @param networkSeconds the busiest NIC direction or SR: solo bytes over its capacity
   * @param chainSeconds the longest solo move
   */
  record Bound(double networkSeconds, double chainSeconds, ImmutableList<SoloMove> moves) {}

  private final HttpClient http;
  private final String url;

  SimulatorTruth(String controlUrl) {
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    this.url = controlUrl;
  }

  /** Every finished migration, in finishing order. */
  ImmutableList<TrueMove> migrations() {
    ImmutableList.Builder<TrueMove> moves = ImmutableList.builder();
    for (JsonNode move : get("/sim/migrations").get("migrations")) {
      moves.add(
          new TrueMove(
              move.get("vm").asText(),
              move.get("startedAt").asDouble(),
              move.get("totalSeconds").asDouble(),
              move.get("downtimeSeconds").asDouble(),
              move.get("stopReason").asText().equals("BELOW_THRESHOLD")));
    }
    return moves.build();
  }

  /** Every finished migration re-run alone, and the bound terms of the truth. */
  Bound bound() {
    JsonNode body = get("/sim/truth/bound");
    ImmutableList.Builder<SoloMove> moves = ImmutableList.builder();
    for (JsonNode move : body.get("moves")) {
      moves.add(
          new SoloMove(
              move.get("vm").asText(),
              move.get("sourceHost").asText(),
              move.get("destinationHost").asText(),
              move.get("soloSeconds").asDouble()));
    }
    return new Bound(
        body.get("networkSeconds").asDouble(), body.get("chainSeconds").asDouble(), moves.build());
  }

  /** Each host's true CPU demand over the next ten minutes, in percent, by host UUID. */
  Map<String, Double> hostCpuPercent() {
    Map<String, Double> cpu = new HashMap<>();
    for (JsonNode host : get("/sim/hosts/load").get("hosts")) {
      cpu.put(host.get("host").asText(), host.get("cpuDemand").asDouble() * 100);
    }
    return cpu;
  }

  private JsonNode get(String path) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url + path)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(path + " answered HTTP " + response.statusCode());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading " + path, e);
    }
  }
}

package io.xemigrate.simulator.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xemigrate.simulator.Simulator;
import io.xemigrate.simulator.SimulatorOptions;
import io.xemigrate.simulator.scenario.ScenarioGenerator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Not a test: measures {@code VM.get_all_records} over JSON-RPC on a generated 64-host, 5000-VM
 * fleet, and holds 500 concurrent {@code event.from} waiters, then wakes them with one change. Run:
 * {@code ./mvnw -q -pl xapi-simulator test-compile exec:java
 * -Dexec.mainClass=io.xemigrate.simulator.bench.SimulatorBenchmark -Dexec.classpathScope=test}.
 */
public final class SimulatorBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private SimulatorBenchmark() {}

  public static void main(String[] args) throws Exception {
    int hosts = 64;
    int vms = 5000;
    int waiters = 500;
    long built = System.nanoTime();
    try (Simulator simulator =
        Simulator.start(
            ScenarioGenerator.generate(hosts, vms, 1, hosts),
            SimulatorOptions.atSpeed(1).withPlainHttp(true))) {
      System.out.printf(
          Locale.ROOT,
          "one pool of %d hosts and %d VMs built and served in %d ms%n",
          hosts,
          vms,
          ms(built));
      String url = simulator.endpoints().pools().get(0).master() + "/jsonrpc";
      System.out.printf(
          Locale.ROOT,
          "store holds %d VMs%n",
          simulator
              .fleet()
              .pools()
              .get(0)
              .store()
              .count(io.xemigrate.simulator.store.XapiClass.VM));
      io.xemigrate.simulator.store.ObjectStore store = simulator.fleet().pools().get(0).store();
      String session =
          call(url, "session.login_with_password", "root", "xenroot", "1.0", "bench").asText();
      int poolVms = 0;
      long[] times = new long[10];
      int bytes = 0;
      for (int i = -3; i < times.length; i++) {
        long start = System.nanoTime();
        String body = post(url, "VM.get_all_records", session);
        long elapsed = System.nanoTime() - start;
        if (i >= 0) {
          times[i] = elapsed;
          bytes = body.length();
          poolVms = JSON.readTree(body).get("result").size();
        }
      }
      Arrays.sort(times);
      System.out.printf(
          Locale.ROOT,
          "VM.get_all_records (JSON-RPC, %d VM records incl. dom0, %.1f MB): median %.0f ms, max %.0f ms over %d runs%n",
          poolVms,
          bytes / 1e6,
          times[times.length / 2] / 1e6,
          times[times.length - 1] / 1e6,
          times.length);

      String token = call(url, "event.from", session, List.of("vm"), "", 1.0).get("token").asText();
      List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
      for (int i = 0; i < waiters; i++) {
        pending.add(
            HTTP.sendAsync(
                request(url, "event.from", session, List.of("vm"), token, 3600.0),
                HttpResponse.BodyHandlers.ofString()));
      }
      // Wait on the store itself until every waiter is blocked in event.from (no sleep).
      long stillWaiting = store.awaitWaiters(waiters, java.time.Duration.ofSeconds(60));
      String vm = call(url, "VM.get_all", session).get(5).asText();
      long woke = System.nanoTime();
      call(url, "VM.add_to_other_config", session, vm, "bench", "1");
      int delivered = 0;
      for (CompletableFuture<HttpResponse<String>> future : pending) {
        JsonNode result = JSON.readTree(future.get(60, TimeUnit.SECONDS).body()).get("result");
        if (result != null && result.get("events").size() > 0) {
          delivered++;
        }
      }
      System.out.printf(
          Locale.ROOT,
          "event.from: %d concurrent waiters held (%d blocked in the server at once); one change reached %d of them in %d ms%n",
          waiters,
          stillWaiting,
          delivered,
          ms(woke));
    }
  }

  private static long ms(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  private static HttpRequest request(String url, String method, Object... params) throws Exception {
    String body =
        JSON.writeValueAsString(
            Map.of("jsonrpc", "2.0", "method", method, "params", List.of(params), "id", 1));
    return HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static String post(String url, String method, Object... params) throws Exception {
    return HTTP.send(request(url, method, params), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static JsonNode call(String url, String method, Object... params) throws Exception {
    JsonNode response = JSON.readTree(post(url, method, params));
    if (response.has("error")) {
      throw new IllegalStateException(method + ": " + response.get("error"));
    }
    return response.get("result");
  }
}

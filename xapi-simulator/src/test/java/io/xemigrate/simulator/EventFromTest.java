package io.xemigrate.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.xemigrate.simulator.scenario.ScenarioLoader;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code event.from} over JSON-RPC (docs/xapi-behaviour.md#event-from), with a hand-stepped clock.
 */
class EventFromTest {
  private Simulator simulator;
  private RawClient client;
  private String session;

  @BeforeEach
  void start() throws Exception {
    simulator =
        Simulator.start(
            ScenarioLoader.loadBundled("rolling-maintenance.yaml"),
            SimulatorOptions.manualClock().withPlainHttp(true));
    client = new RawClient(simulator.endpoints().pool("maintenance").master());
    session = client.login("root", "xenroot");
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  private JsonNode from(List<String> classes, String token, double timeout) throws Exception {
    return client.result("event.from", session, classes, token, timeout);
  }

  @Test
  void emptyTokenReportsEveryObjectAsAdd() throws Exception {
    JsonNode result = from(List.of("vm", "host"), "", 1.0);

    int vms = result.get("valid_ref_counts").get("vm").asInt();
    int hosts = result.get("valid_ref_counts").get("host").asInt();
    assertThat(result.get("events")).hasSize(vms + hosts);
    assertThat(result.get("events").findValuesAsText("operation")).containsOnly("add");
    assertThat(result.get("token").asText()).matches("\\d{20},\\d{20}");
    JsonNode first = result.get("events").get(0);
    assertThat(first.get("snapshot").has("uuid")).isTrue();
    assertThat(first.get("class").asText()).isIn("vm", "host");
  }

  @Test
  void laterCallsReportCoalescedChangesAndDeletions() throws Exception {
    String other = client.login("auditor", "auditor-pass");
    String token = from(List.of("*"), "", 1.0).get("token").asText();
    String vm = client.result("VM.get_by_name_label", session, "svc-01").get(0).asText();
    client.result("VM.add_to_other_config", session, vm, "a", "1");
    client.result("VM.add_to_other_config", session, vm, "b", "2");
    client.result("session.logout", other);

    JsonNode result = from(List.of("vm", "session"), token, 1.0);

    List<JsonNode> events = List.copyOf(result.get("events").findParents("operation"));
    assertThat(events)
        .anySatisfy(
            e -> {
              assertThat(e.get("ref").asText()).isEqualTo(vm);
              assertThat(e.get("operation").asText()).isEqualTo("mod");
              assertThat(e.get("snapshot").get("other_config").get("b").asText()).isEqualTo("2");
            })
        .anySatisfy(
            e -> {
              assertThat(e.get("ref").asText()).isEqualTo(other);
              assertThat(e.get("operation").asText()).isEqualTo("del");
              assertThat(e.has("snapshot")).isFalse();
            });
    assertThat(events.stream().filter(e -> e.get("ref").asText().equals(vm))).hasSize(1);
  }

  @Test
  void anIdleCallReturnsEmptyOnlyAtTheVirtualTimeout() throws Exception {
    String token = from(List.of("vm"), "", 1.0).get("token").asText();
    CompletableFuture<JsonNode> waiting =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return from(List.of("vm"), token, 30.0);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });

    JsonNode result = stepUntilDone(waiting);

    assertThat(result.get("events")).isEmpty();
    assertThat(result.get("token").asText()).isEqualTo(token);
    assertThat(simulator.clock().nanos()).isGreaterThanOrEqualTo(Duration.ofSeconds(30).toNanos());
  }

  @Test
  void aWaitingCallWakesOnAChange() throws Exception {
    // With a manual clock an empty result never times out, so take the token from a class that
    // has objects: tokens are pool-wide generations.
    String token = from(List.of("vm"), "", 1.0).get("token").asText();
    CompletableFuture<JsonNode> waiting =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return from(List.of("task"), token, 3600.0);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    String vm = client.result("VM.get_by_name_label", session, "svc-02").get(0).asText();

    String task = client.result("Async.VM.clean_shutdown", session, vm).asText();

    JsonNode result = waiting.get();
    assertThat(result.get("events").findValuesAsText("ref")).contains(task);
  }

  @Test
  void badTokensAndClassesAreRejected() throws Exception {
    JsonNode token = client.json(false, "event.from", session, List.of("vm"), "yesterday", 1.0);
    assertThat(JsonRpcTest.strings(token.get("error")))
        .containsExactly("EVENT_FROM_TOKEN_PARSE_FAILURE", "yesterday");

    JsonNode cls = client.json(false, "event.from", session, List.of("spaceship"), "", 1.0);
    assertThat(JsonRpcTest.strings(cls.get("error")))
        .containsExactly("EVENT_SUBSCRIPTION_PARSE_FAILURE", "spaceship");
  }

  /** Moves the manual clock a second at a time until the call returns. */
  private JsonNode stepUntilDone(CompletableFuture<JsonNode> call) throws Exception {
    for (int step = 0; step < 600; step++) {
      simulator.clock().advance(Duration.ofSeconds(1));
      try {
        return call.get(100, TimeUnit.MILLISECONDS);
      } catch (TimeoutException stillWaiting) {
        // keep stepping
      } catch (ExecutionException e) {
        throw e;
      }
    }
    throw new AssertionError("event.from never returned");
  }
}

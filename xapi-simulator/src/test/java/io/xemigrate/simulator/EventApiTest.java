package io.xemigrate.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.xemigrate.simulator.scenario.ScenarioLoader;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The event calls besides {@code event.from} (xapi's {@code ocaml/xapi/xapi_event.ml}), {@code
 * system.listMethods} and both forms of {@code host.disable}, over JSON-RPC and XML-RPC.
 */
class EventApiTest {
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

  private String vm(String name) throws Exception {
    return client.result("VM.get_by_name_label", session, name).get(0).asText();
  }

  private String host(String name) throws Exception {
    return client.result("host.get_by_name_label", session, name).get(0).asText();
  }

  private void touch(String cls, String ref, String key) throws Exception {
    client.result(cls + ".add_to_other_config", session, ref, key, "1");
  }

  @Test
  void nextReportsChangesOfTheRegisteredClassesOnly() throws Exception {
    client.result("event.register", session, List.of("vm"));
    String vm = vm("svc-01");
    touch("host", host("h2"), "a");
    touch("VM", vm, "b");

    JsonNode events = client.result("event.next", session);

    assertThat(events.findValuesAsText("class")).containsOnly("vm");
    assertThat(events.findValuesAsText("ref")).contains(vm);
    assertThat(events.findValuesAsText("operation")).containsOnly("mod");
  }

  @Test
  void nextBlocksUntilARegisteredClassChanges() throws Exception {
    client.result("event.register", session, List.of("host"));
    CompletableFuture<JsonNode> waiting =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return client.result("event.next", session);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    String h3 = host("h3");

    touch("host", h3, "c");

    assertThat(waiting.get().findValuesAsText("ref")).containsExactly(h3);
  }

  @Test
  void unregisterDropsAClass() throws Exception {
    client.result("event.register", session, List.of("vm", "host"));
    client.result("event.unregister", session, List.of("vm"));
    String h2 = host("h2");
    touch("VM", vm("svc-01"), "d");
    touch("host", h2, "e");

    JsonNode events = client.result("event.next", session);

    assertThat(events.findValuesAsText("ref")).containsExactly(h2);
  }

  @Test
  void nextWithoutRegisterIsRefusedWithoutNamingTheSession() throws Exception {
    JsonNode error = client.json(false, "event.next", session).get("error");

    List<String> description = JsonRpcTest.strings(error);
    assertThat(description.get(0)).isEqualTo("SESSION_NOT_REGISTERED");
    assertThat(description.get(1)).matches("trackid=[0-9a-f]{32}").doesNotContain(session);
  }

  @Test
  void injectReturnsATokenFromWhichEventFromReportsTheObject() throws Exception {
    String vm = vm("svc-02");
    long before = Long.parseLong(client.result("event.get_current_id", session).asText());

    String token = client.result("event.inject", session, "VM", vm).asText();

    assertThat(token).matches("\\d{20},0{20}");
    JsonNode from = client.result("event.from", session, List.of("vm"), token, 0.0);
    assertThat(from.get("events").findValuesAsText("ref")).containsExactly(vm);
    assertThat(from.get("events").findValuesAsText("operation")).containsExactly("mod");
    assertThat(from.get("token").asText()).isGreaterThan(token);
    long after = Long.parseLong(client.result("event.get_current_id", session).asText());
    assertThat(after).isEqualTo(before + 1);
  }

  @Test
  void injectOnAnObjectOfAnotherClassIsHandleInvalid() throws Exception {
    String vm = vm("svc-02");

    JsonNode error = client.json(false, "event.inject", session, "host", vm).get("error");

    assertThat(JsonRpcTest.strings(error)).containsExactly("HANDLE_INVALID", "host", vm);
  }

  @Test
  void listMethodsNeedsNoSessionAndNamesSynchronousCalls() throws Exception {
    JsonNode names = client.result("system.listMethods");

    assertThat(JsonRpcTest.strings(names))
        .contains(
            "session.login_with_password",
            "event.from",
            "event.next",
            "event.register",
            "event.unregister",
            "event.inject",
            "event.get_current_id",
            "VM.get_all_records",
            "host.disable")
        .doesNotContain("system.listMethods", "Async.host.disable");
  }

  @Test
  void listMethodsOverXmlRpcIsABareArray() throws Exception {
    String body =
        "<?xml version=\"1.0\"?><methodCall><methodName>system.listMethods</methodName>"
            + "<params></params></methodCall>";

    String answer = client.post("/", body, "text/xml").body();

    assertThat(answer)
        .startsWith("<?xml version=\"1.0\"?><methodResponse><params><param><value><array>")
        .contains("<value>event.next</value>")
        .doesNotContain("Status");
  }

  @Test
  void hostDisableTakesAutoEnableOrNot() throws Exception {
    String operator = client.login("operator", "operator-pass");
    String h2 = host("h2");
    String h3 = host("h3");

    client.result("host.disable", operator, h2);
    client.result("host.disable", operator, h3, false);
    JsonNode tooMany = client.json(false, "host.disable", operator, h3, false, "x").get("error");

    assertThat(client.result("host.get_enabled", session, h2).asBoolean()).isFalse();
    assertThat(client.result("host.get_enabled", session, h3).asBoolean()).isFalse();
    assertThat(JsonRpcTest.strings(tooMany))
        .containsExactly("MESSAGE_PARAMETER_COUNT_MISMATCH", "host.disable", "3", "4");
  }
}

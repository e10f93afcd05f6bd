package io.xemigrate.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.xemigrate.simulator.scenario.ScenarioLoader;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * JSON-RPC v1 and v2 and raw XML-RPC, as xapi frames them (docs/xapi-behaviour.md#wire-protocol,
 * docs/xapi-behaviour.md#sessions).
 */
class JsonRpcTest {
  private static Simulator simulator;
  private static RawClient master;
  private static RawClient member;

  @BeforeAll
  static void start() {
    simulator =
        Simulator.start(
            ScenarioLoader.loadBundled("two-pools.yaml"),
            SimulatorOptions.manualClock().withPlainHttp(true));
    Endpoints.PoolEndpoint pool = simulator.endpoints().pool("pool-b");
    master = new RawClient(pool.master());
    member =
        new RawClient(
            pool.hosts().stream().filter(h -> !h.master()).findFirst().orElseThrow().url());
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @Test
  void version1AnswersCarryResultErrorAndId() throws Exception {
    JsonNode ok =
        master.json(false, "session.login_with_password", "root", "xenroot", "1.0", "test");
    assertThat(ok.get("result").asText()).startsWith("OpaqueRef:");
    assertThat(ok.get("error").isNull()).isTrue();
    assertThat(ok.get("id").asInt()).isPositive();

    JsonNode failed =
        master.json(false, "session.login_with_password", "root", "nope", "1.0", "test");
    assertThat(failed.get("result").isNull()).isTrue();
    assertThat(strings(failed.get("error")))
        .containsExactly("SESSION_AUTHENTICATION_FAILED", "root", "Authentication failure");
  }

  @Test
  void version2AnswersCarryResultOrErrorObject() throws Exception {
    JsonNode ok =
        master.json(true, "session.login_with_password", "root", "xenroot", "1.0", "test");
    assertThat(ok.get("jsonrpc").asText()).isEqualTo("2.0");
    assertThat(ok.has("error")).isFalse();

    JsonNode failed =
        master.json(true, "VM.get_record", ok.get("result").asText(), "OpaqueRef:nope");
    assertThat(failed.has("result")).isFalse();
    assertThat(failed.get("error").get("code").asInt()).isEqualTo(1);
    assertThat(failed.get("error").get("message").asText()).isEqualTo("HANDLE_INVALID");
    assertThat(strings(failed.get("error").get("data"))).containsExactly("VM", "OpaqueRef:nope");
  }

  @Test
  void memberRefersLoginsToTheMaster() throws Exception {
    JsonNode failed =
        member.json(false, "session.login_with_password", "root", "xenroot", "1.0", "t");

    List<String> error = strings(failed.get("error"));
    assertThat(error.get(0)).isEqualTo("HOST_IS_SLAVE");
    // A bare address, as xapi's: every host serves on the simulator's one port.
    assertThat(error.get(1)).matches("127\\.0\\.0\\.\\d+");
    assertThat(simulator.endpoints().pool("pool-b").master())
        .isEqualTo("http://" + error.get(1) + ":" + simulator.endpoints().port());
  }

  @Test
  void memberRefersSessionCallsToTheMaster() throws Exception {
    String session = master.login("root", "xenroot");

    JsonNode failed = member.json(true, "VM.get_all", session);

    assertThat(failed.get("error").get("message").asText()).isEqualTo("HOST_IS_SLAVE");
  }

  @Test
  void unknownAndLoggedOutSessionsAreInvalid() throws Exception {
    String session = master.login("root", "xenroot");
    master.result("session.logout", session);

    JsonNode failed = master.json(true, "VM.get_all", session);

    assertThat(failed.get("error").get("message").asText()).isEqualTo("SESSION_INVALID");
  }

  @Test
  void intsAreNumbersInJsonAndStringsInXml() throws Exception {
    String session = master.login("root", "xenroot");
    String vm = master.result("VM.get_by_name_label", session, "b-web-01").get(0).asText();

    JsonNode record = master.result("VM.get_record", session, vm);
    assertThat(record.get("memory_static_max").isIntegralNumber()).isTrue();

    String xml =
        "<?xml version=\"1.0\"?><methodCall><methodName>VM.get_record</methodName><params>"
            + "<param><value>"
            + session
            + "</value></param><param><value>"
            + vm
            + "</value></param></params></methodCall>";
    HttpResponse<String> response = master.post("/RPC2", xml, "text/xml");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("<name>Status</name><value>Success</value>")
        .contains("<name>memory_static_max</name><value>4294967296</value>")
        .contains("<name>is_a_template</name><value><boolean>0</boolean></value>")
        .doesNotContain("<i8>");
  }

  @Test
  void xmlRpcFailuresAreStatusFailureNeverFaults() throws Exception {
    String xml =
        "<?xml version=\"1.0\"?><methodCall><methodName>VM.no_such_call</methodName><params>"
            + "<param><value>x</value></param></params></methodCall>";
    HttpResponse<String> response = master.post("/", xml, "text/xml");

    assertThat(response.body())
        .contains("<name>Status</name><value>Failure</value>")
        .contains("<value>MESSAGE_METHOD_UNKNOWN</value>")
        .doesNotContain("<fault>");
  }

  @Test
  void wrongParameterCountIsReported() throws Exception {
    String session = master.login("root", "xenroot");

    JsonNode failed = master.json(false, "VM.get_record", session);

    assertThat(strings(failed.get("error")))
        .containsExactly("MESSAGE_PARAMETER_COUNT_MISMATCH", "VM.get_record", "2", "1");
  }

  static List<String> strings(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false)
        .map(JsonNode::asText)
        .toList();
  }
}

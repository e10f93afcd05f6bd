package io.xemigrate.tests.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The xapi host plugin's side of the HTTP API, against a stub daemon that records every request and
 * answers as the API contract says: the requests each function sends, the bearer token, the JSON
 * handed back, one-line failures with codes, and the plugin run the way xapi runs it.
 */
class HostPluginProtocolTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "s3cret-api-token-for-tests";

  @TempDir Path dir;
  private HttpServer server;
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private HostPlugin plugin;

  record Recorded(String method, String path, String authorization, String body) {}

  @BeforeAll
  static void needsPython() {
    assumeTrue(HostPlugin.pythonPresent(), "python3 is not installed");
  }

  @BeforeEach
  void startStubDaemon() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
    String url = "http://127.0.0.1:" + server.getAddress().getPort();
    plugin = new HostPlugin(HostPlugin.writeConfig(dir, url, TOKEN), dir);
  }

  @AfterEach
  void stopStubDaemon() {
    server.stop(0);
  }

  @Test
  void checkPostsTheVmsAndPrintsTheAnswer() throws IOException {
    HostPlugin.Result result =
        plugin.run("check", "vm=web-01,web-02", "destination=pool-b", "destination-host=b1");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(JSON.readTree(result.out()).get("checks").get(0).get("verdict").asText())
        .isEqualTo("ok");
    assertThat(requests)
        .singleElement()
        .satisfies(r -> assertThat(r.path()).isEqualTo("/api/v1/checks"));
    Recorded sent = requests.get(0);
    assertThat(sent.method()).isEqualTo("POST");
    assertThat(sent.authorization()).isEqualTo("Bearer " + TOKEN);
    assertThat(JSON.readTree(sent.body()))
        .isEqualTo(
            JSON.readTree(
                "{\"vms\":[\"web-01\",\"web-02\"],\"destination\":\"pool-b\","
                    + "\"destinationHost\":\"b1\"}"));
  }

  @Test
  void planOfVmsOrOfHosts() throws IOException {
    HostPlugin.Result vms = plugin.run("plan", "vm=web-01", "source=pool-a");
    HostPlugin.Result hosts = plugin.run("plan", "host=a2,a3", "maintenance=false");

    assertThat(vms.exitCode()).as(vms.err()).isZero();
    assertThat(hosts.exitCode()).as(hosts.err()).isZero();
    assertThat(JSON.readTree(vms.out()).get("id").asText()).isEqualTo("plan-1");
    assertThat(requests)
        .extracting(Recorded::path)
        .containsExactly("/api/v1/plans", "/api/v1/plans");
    assertThat(JSON.readTree(requests.get(0).body()))
        .isEqualTo(
            JSON.readTree("{\"kind\":\"vm-migrate\",\"vms\":[\"web-01\"],\"source\":\"pool-a\"}"));
    assertThat(JSON.readTree(requests.get(1).body()))
        .isEqualTo(
            JSON.readTree(
                "{\"kind\":\"host-evacuate\",\"hosts\":[\"a2\",\"a3\"],\"maintenance\":false}"));
  }

  @Test
  void evacuatePlansApprovesAndApplies() throws IOException {
    HostPlugin.Result result = plugin.run("evacuate", "host=a2", "yes=true");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(JSON.readTree(result.out()))
        .isEqualTo(JSON.readTree("{\"plan\":\"plan-1\",\"run\":\"run-7\",\"hosts\":[\"a2\"]}"));
    assertThat(requests)
        .extracting(r -> r.method() + " " + r.path())
        .containsExactly(
            "POST /api/v1/plans",
            "POST /api/v1/plans/plan-1/approve",
            "POST /api/v1/plans/plan-1/apply");
    assertThat(JSON.readTree(requests.get(0).body()))
        .isEqualTo(JSON.readTree("{\"kind\":\"host-evacuate\",\"hosts\":[\"a2\"]}"));
  }

  @Test
  void evacuateWithoutYesSendsNothing() {
    HostPlugin.Result result = plugin.run("evacuate", "host=a2");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err().lines().toList())
        .singleElement()
        .asString()
        .startsWith("xe-migrate: error: XE_MIGRATE_BAD_ARGUMENT: fn=evacuate moves every VM off a2")
        .contains("args:yes=true");
    assertThat(requests).isEmpty();
  }

  @Test
  void statusOfARunOfAPlanOrOfTheDaemon() throws IOException {
    HostPlugin.Result run = plugin.run("status", "run=run-7");
    HostPlugin.Result plan = plugin.run("status", "plan=plan-1");
    HostPlugin.Result health = plugin.run("status");

    assertThat(JSON.readTree(run.out()).get("moves").get(0).get("phase").asText())
        .isEqualTo("MIGRATING");
    assertThat(JSON.readTree(plan.out()).get("status").asText()).isEqualTo("draft");
    assertThat(JSON.readTree(health.out()).get("status").asText()).isEqualTo("ok");
    assertThat(requests)
        .extracting(r -> r.method() + " " + r.path())
        .containsExactly("GET /api/v1/runs/run-7", "GET /api/v1/plans/plan-1", "GET /healthz");
  }

  @Test
  void anApiErrorIsOneLineWithItsCode() {
    HostPlugin.Result result = plugin.run("check", "vm=ghost");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err())
        .isEqualTo(
            "xe-migrate: error: XE_MIGRATE_UNKNOWN_VM: no VM 'ghost' in the pools: check the"
                + " name\n");
  }

  @Test
  void aWrongTokenIsUnauthorizedAndTheTokenIsNeverShown() throws IOException {
    plugin = new HostPlugin(HostPlugin.writeConfig(dir, url(), "wrong-token"), dir);

    HostPlugin.Result result = plugin.run("check", "vm=web-01");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("xe-migrate: error: XE_MIGRATE_UNAUTHORIZED: ");
    assertThat(result.out() + result.err()).doesNotContain("wrong-token").doesNotContain(TOKEN);
  }

  @Test
  void badInputAndBadConfigurationAreOneLineExitTwo() throws IOException {
    HostPlugin.Result unknownArgument = plugin.run("check", "vm=web-01", "colour=blue");
    HostPlugin.Result bothKinds = plugin.run("plan", "vm=web-01", "host=a2");
    HostPlugin.Result noFunction = plugin.run("migrate");
    Path unknownKey =
        Files.writeString(dir.resolve("bad.conf"), "url = " + url() + "\npasword = x\n");
    HostPlugin.Result badConfig = new HostPlugin(unknownKey, dir).run("status");
    Path remote =
        HostPlugin.writeConfig(
            Files.createDirectories(dir.resolve("remote")), "http://10.0.0.5:8443", TOKEN);
    HostPlugin.Result plainRemote = new HostPlugin(remote, dir).run("status");
    Path open = Files.writeString(dir.resolve("open-token"), TOKEN + "\n");
    Path openConfig =
        Files.writeString(
            dir.resolve("open.conf"), "url = " + url() + "\ntoken_file = " + open + "\n");
    HostPlugin.Result openToken = new HostPlugin(openConfig, dir).run("status");

    for (HostPlugin.Result result :
        List.of(unknownArgument, bothKinds, noFunction, badConfig, plainRemote, openToken)) {
      assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
      assertThat(result.err().lines().toList())
          .singleElement()
          .asString()
          .startsWith("xe-migrate: error: ");
    }
    assertThat(unknownArgument.err()).contains("fn=check takes no args:colour=");
    assertThat(badConfig.err()).contains(unknownKey + ":2: unknown key 'pasword'");
    assertThat(plainRemote.err()).contains("plain HTTP to another machine");
    assertThat(openToken.err()).contains("is open to other users: chmod 600 " + open);
    assertThat(requests).isEmpty();
  }

  @Test
  void aDaemonThatDoesNotAnswerIsUnreachable() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    Path config =
        HostPlugin.writeConfig(
            Files.createDirectories(dir.resolve("down")), "http://127.0.0.1:" + closed, TOKEN);

    HostPlugin.Result result = new HostPlugin(config, dir).run("status");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .startsWith("xe-migrate: error: XE_MIGRATE_UNREACHABLE: cannot reach the xe-migrate daemon")
        .hasLineCount(1);
  }

  @Test
  void runAsXapiRunsItAnswersSuccessOrAFailureWithTheCode() throws IOException {
    HostPlugin.XapiAnswer checked =
        plugin.callAsXapi("check", Map.of("vm", "web-01"), "OpaqueRef:xapi-session");
    HostPlugin.XapiAnswer failed =
        plugin.callAsXapi("check", Map.of("vm", "ghost"), "OpaqueRef:xapi-session");
    HostPlugin.XapiAnswer unknown = plugin.callAsXapi("migrate", Map.of(), "OpaqueRef:x");

    assertThat(checked.status()).isEqualTo("Success");
    assertThat(JSON.readTree(checked.value()).get("checks").get(0).get("vm").asText())
        .isEqualTo("web-01");
    assertThat(failed.status()).isEqualTo("Failure");
    assertThat(failed.errorDescription())
        .containsExactly("XE_MIGRATE_UNKNOWN_VM", "no VM 'ghost' in the pools: check the name");
    assertThat(unknown.errorDescription())
        .containsExactly("UNKNOWN_XENAPI_PLUGIN_FUNCTION", "migrate");
    assertThat(requests).hasSize(2);
  }

  // ---------------------------------------------------------------- the stub daemon

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void answer(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    requests.add(new Recorded(method, path, authorization, body));
    if (!path.equals("/healthz") && !("Bearer " + TOKEN).equals(authorization)) {
      send(
          exchange, 401, error("UNAUTHORIZED", "missing or wrong bearer token: use the api token"));
      return;
    }
    switch (method + " " + path) {
      case "POST /api/v1/checks" ->
          send(
              exchange,
              body.contains("ghost") ? 422 : 200,
              body.contains("ghost")
                  ? error("UNKNOWN_VM", "no VM 'ghost' in the pools: check the name")
                  : "{\"checks\":[{\"vm\":\"web-01\",\"verdict\":\"ok\"}]}");
      case "POST /api/v1/plans" ->
          send(exchange, 201, "{\"id\":\"plan-1\",\"status\":\"draft\",\"plan\":{}}");
      case "GET /api/v1/plans/plan-1" ->
          send(exchange, 200, "{\"id\":\"plan-1\",\"status\":\"draft\",\"plan\":{}}");
      case "POST /api/v1/plans/plan-1/approve" ->
          send(exchange, 200, "{\"id\":\"plan-1\",\"status\":\"approved\"}");
      case "POST /api/v1/plans/plan-1/apply" -> send(exchange, 202, "{\"run\":\"run-7\"}");
      case "GET /api/v1/runs/run-7" ->
          send(
              exchange,
              200,
              "{\"id\":\"run-7\",\"moves\":[{\"vm\":\"web-04\",\"phase\":\"MIGRATING\","
                  + "\"percent\":40}]}");
      case "GET /healthz" -> send(exchange, 200, "{\"status\":\"ok\",\"version\":\"test\"}");
      default -> send(exchange, 404, error("NOT_FOUND", "no " + method + " " + path));
    }
  }

  private static String error(String code, String message) {
    return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}";
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}

package io.xemigrate.tests.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.tests.logging.LogCapture;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad requests, each answering the expected 4xx with {@code {"error":{"code","message"}}} and a
 * one-line message; and the bearer token never reaches a log line, at any level.
 */
class ApiBadRequestTest {
  static final int MAX_BODY = 4096;
  static final String VM_PLAN = "{\"kind\":\"vm-migrate\",\"vms\":[\"web-01\"],";
  static final String EVACUATE = "{\"kind\":\"host-evacuate\",\"hosts\":[\"a2\"],";

  @TempDir static Path dir;
  static ApiFixture api;
  static String draft;
  static LogCapture logs;

  @BeforeAll
  static void start() {
    logs = LogCapture.start();
    api = new ApiFixture(dir, settings -> settings.withMaxBodyBytes(MAX_BODY));
    ApiClient.Answer created =
        api.client.post("/api/v1/plans", VM_PLAN + "\"destination\":\"pool-b\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    draft = created.json().get("id").asText();
  }

  @AfterAll
  static void stop() {
    api.close();
    logs.close();
  }

  /** One bad request: what to send and what must come back. */
  record Bad(
      String name,
      String method,
      String path,
      Optional<String> contentType,
      String body,
      Optional<String> authorization,
      int status,
      String code) {
    @Override
    public String toString() {
      return name;
    }

    Bad withAuthorization(String header) {
      return new Bad(name, method, path, contentType, body, Optional.of(header), status, code);
    }

    Bad withoutAuthorization() {
      return new Bad(name, method, path, contentType, body, Optional.empty(), status, code);
    }

    Bad withContentType(Optional<String> type) {
      return new Bad(name, method, path, type, body, authorization, status, code);
    }
  }

  static Bad post(String name, String path, String body, int status, String code) {
    return new Bad(
        name,
        "POST",
        path,
        Optional.of("application/json"),
        body,
        Optional.of("Bearer " + ApiFixture.TOKEN),
        status,
        code);
  }

  static Bad call(String name, String method, String path, int status, String code) {
    return new Bad(
        name,
        method,
        path,
        Optional.empty(),
        "",
        Optional.of("Bearer " + ApiFixture.TOKEN),
        status,
        code);
  }

  static Bad plan(String name, String body, int status, String code) {
    return post(name, "/api/v1/plans", body, status, code);
  }

  static Bad check(String name, String body, int status, String code) {
    return post(name, "/api/v1/checks", body, status, code);
  }

  static Stream<Bad> badRequests() {
    String token = ApiFixture.TOKEN;
    return Stream.of(
        // Malformed JSON: 400 MALFORMED_JSON with line and column.
        plan("unclosed object", "{", 400, "MALFORMED_JSON"),
        plan("value missing", "{\"kind\":", 400, "MALFORMED_JSON"),
        plan("trailing comma", "{\"kind\":\"vm-migrate\",}", 400, "MALFORMED_JSON"),
        plan("single quotes", "{'kind':'vm-migrate'}", 400, "MALFORMED_JSON"),
        plan("two documents", "{\"kind\":\"vm-migrate\"} {\"b\":2}", 400, "MALFORMED_JSON"),
        plan("duplicate key", "{\"kind\":\"vm-migrate\",\"kind\":\"x\"}", 400, "MALFORMED_JSON"),
        plan("empty body", "", 400, "MALFORMED_JSON"),
        plan("not JSON at all", "kind=vm-migrate", 400, "MALFORMED_JSON"),
        plan(
            "missing comma in array",
            VM_PLAN.replace("[\"web-01\"]", "[\"a\" \"b\"]") + "}",
            400,
            "MALFORMED_JSON"),
        plan("NaN", "{\"kind\":\"vm-migrate\",\"vms\":[NaN]}", 400, "MALFORMED_JSON"),
        plan("control character in string", "{\"kind\":\"vm-\u0001\"}", 400, "MALFORMED_JSON"),
        check("unclosed array", "[", 400, "MALFORMED_JSON"),
        // The body is JSON but not an object.
        plan("array body", "[]", 400, "WRONG_TYPE"),
        plan("string body", "\"vm-migrate\"", 400, "WRONG_TYPE"),
        plan("number body", "42", 400, "WRONG_TYPE"),
        check("null body", "null", 400, "WRONG_TYPE"),
        // Wrong types, per field.
        plan("kind a number", "{\"kind\":1}", 400, "WRONG_TYPE"),
        plan("vms a string", "{\"kind\":\"vm-migrate\",\"vms\":\"web-01\"}", 400, "WRONG_TYPE"),
        plan("vms of numbers", "{\"kind\":\"vm-migrate\",\"vms\":[1]}", 400, "WRONG_TYPE"),
        plan("vms an object", "{\"kind\":\"vm-migrate\",\"vms\":{}}", 400, "WRONG_TYPE"),
        plan("source a number", VM_PLAN + "\"source\":1}", 400, "WRONG_TYPE"),
        plan("destination a boolean", VM_PLAN + "\"destination\":true}", 400, "WRONG_TYPE"),
        plan("destinationHost an array", VM_PLAN + "\"destinationHost\":[]}", 400, "WRONG_TYPE"),
        plan("hosts a string", "{\"kind\":\"host-evacuate\",\"hosts\":\"a2\"}", 400, "WRONG_TYPE"),
        plan(
            "hosts of booleans",
            "{\"kind\":\"host-evacuate\",\"hosts\":[true]}",
            400,
            "WRONG_TYPE"),
        plan("maintenance a string", EVACUATE + "\"maintenance\":\"true\"}", 400, "WRONG_TYPE"),
        plan("maintenance a number", EVACUATE + "\"maintenance\":1}", 400, "WRONG_TYPE"),
        check("check vms a string", "{\"vms\":\"web-01\"}", 400, "WRONG_TYPE"),
        check("check source an object", "{\"vms\":[\"web-01\"],\"source\":{}}", 400, "WRONG_TYPE"),
        check(
            "check destinationHost a number",
            "{\"vms\":[\"web-01\"],\"destinationHost\":2}",
            400,
            "WRONG_TYPE"),
        // Unknown fields.
        plan("unknown field vm", VM_PLAN + "\"vm\":[\"x\"]}", 400, "UNKNOWN_FIELD"),
        plan("unknown field dryRun", VM_PLAN + "\"dryRun\":true}", 400, "UNKNOWN_FIELD"),
        plan("hosts on vm-migrate", VM_PLAN + "\"hosts\":[\"a2\"]}", 400, "UNKNOWN_FIELD"),
        plan(
            "destinationHost on host-evacuate",
            EVACUATE + "\"destinationHost\":\"b1\"}",
            400,
            "UNKNOWN_FIELD"),
        check(
            "kind on checks",
            "{\"vms\":[\"web-01\"],\"kind\":\"vm-migrate\"}",
            400,
            "UNKNOWN_FIELD"),
        // Missing fields.
        plan("no kind", "{}", 400, "MISSING_FIELD"),
        plan("no vms", "{\"kind\":\"vm-migrate\"}", 400, "MISSING_FIELD"),
        plan("vms null", "{\"kind\":\"vm-migrate\",\"vms\":null}", 400, "MISSING_FIELD"),
        plan("no hosts", "{\"kind\":\"host-evacuate\"}", 400, "MISSING_FIELD"),
        check("check without vms", "{}", 400, "MISSING_FIELD"),
        // Values the API refuses before any pool is asked.
        plan("unknown kind", "{\"kind\":\"vm-move\",\"vms\":[\"web-01\"]}", 400, "BAD_VALUE"),
        plan("no VM named", "{\"kind\":\"vm-migrate\",\"vms\":[]}", 400, "BAD_VALUE"),
        plan("empty VM name", "{\"kind\":\"vm-migrate\",\"vms\":[\"\"]}", 400, "BAD_VALUE"),
        plan("empty source", VM_PLAN + "\"source\":\"\"}", 400, "BAD_VALUE"),
        plan("unknown objective", VM_PLAN + "\"objective\":\"fastest\"}", 400, "BAD_VALUE"),
        plan(
            "objective on a host evacuation",
            "{\"kind\":\"host-evacuate\",\"hosts\":[\"a1\"],\"objective\":\"Downtime\"}",
            400,
            "BAD_VALUE"),
        plan(
            "malformed UUID",
            "{\"kind\":\"vm-migrate\",\"vms\":[\"12345678-abcd\"]}",
            400,
            "BAD_VALUE"),
        // Names the pools do not know: 422.
        plan("unknown VM", "{\"kind\":\"vm-migrate\",\"vms\":[\"no-such-vm\"]}", 422, "UNKNOWN_VM"),
        plan(
            "unknown VM in a given pool",
            VM_PLAN.replace("web-01", "nope") + "\"source\":\"pool-a\"}",
            422,
            "UNKNOWN_VM"),
        check("check unknown VM", "{\"vms\":[\"web-01\",\"ghost\"]}", 422, "UNKNOWN_VM"),
        plan(
            "unknown destination pool",
            VM_PLAN + "\"destination\":\"pool-z\"}",
            422,
            "UNKNOWN_POOL"),
        plan("unknown source pool", VM_PLAN + "\"source\":\"pool-z\"}", 422, "UNKNOWN_POOL"),
        plan(
            "unknown host", "{\"kind\":\"host-evacuate\",\"hosts\":[\"z9\"]}", 422, "UNKNOWN_HOST"),
        plan(
            "unknown destination host",
            VM_PLAN + "\"destination\":\"pool-b\",\"destinationHost\":\"b9\"}",
            422,
            "UNKNOWN_HOST"),
        plan("all without source", "{\"kind\":\"vm-migrate\",\"vms\":[\"all\"]}", 422, "BAD_VALUE"),
        // Bodies over the limit.
        plan(
            "body just over the limit",
            "{\"kind\":\"" + "x".repeat(MAX_BODY) + "\"}",
            413,
            "BODY_TOO_LARGE"),
        check(
            "body of 200 KB", "{\"vms\":[\"" + "y".repeat(200_000) + "\"]}", 413, "BODY_TOO_LARGE"),
        // The token.
        call("no token", "GET", "/api/v1/plans", 401, "UNAUTHORIZED").withoutAuthorization(),
        call("wrong token", "GET", "/api/v1/plans", 401, "UNAUTHORIZED")
            .withAuthorization("Bearer wrong-token-0123456789"),
        call("token with a suffix", "GET", "/api/v1/runs", 401, "UNAUTHORIZED")
            .withAuthorization("Bearer " + token + "x"),
        call("token prefix only", "GET", "/api/v1/runs", 401, "UNAUTHORIZED")
            .withAuthorization("Bearer " + token.substring(0, 10)),
        call("basic scheme", "GET", "/api/v1/jobs", 401, "UNAUTHORIZED")
            .withAuthorization("Basic " + token),
        call("bearer without token", "GET", "/api/v1/jobs", 401, "UNAUTHORIZED")
            .withAuthorization("Bearer"),
        call("token without scheme", "GET", "/metrics", 401, "UNAUTHORIZED")
            .withAuthorization(token),
        call("events without token", "GET", "/api/v1/events", 401, "UNAUTHORIZED")
            .withoutAuthorization(),
        call("unknown path without token", "GET", "/api/v1/nothing", 401, "UNAUTHORIZED")
            .withoutAuthorization(),
        plan("plan without token", VM_PLAN + "\"destination\":\"pool-b\"}", 401, "UNAUTHORIZED")
            .withoutAuthorization(),
        // Content types.
        plan(
                "no content type",
                VM_PLAN + "\"destination\":\"pool-b\"}",
                415,
                "UNSUPPORTED_MEDIA_TYPE")
            .withContentType(Optional.empty()),
        plan("text/plain", VM_PLAN + "\"destination\":\"pool-b\"}", 415, "UNSUPPORTED_MEDIA_TYPE")
            .withContentType(Optional.of("text/plain")),
        plan("form", "kind=vm-migrate", 415, "UNSUPPORTED_MEDIA_TYPE")
            .withContentType(Optional.of("application/x-www-form-urlencoded")),
        check("application/jsonx", "{}", 415, "UNSUPPORTED_MEDIA_TYPE")
            .withContentType(Optional.of("application/jsonx")),
        // Methods and paths.
        call("DELETE plans", "DELETE", "/api/v1/plans", 405, "METHOD_NOT_ALLOWED"),
        call("PUT healthz", "PUT", "/healthz", 405, "METHOD_NOT_ALLOWED"),
        call("GET checks", "GET", "/api/v1/checks", 405, "METHOD_NOT_ALLOWED"),
        call("POST runs", "POST", "/api/v1/runs", 405, "METHOD_NOT_ALLOWED"),
        call("GET apply", "GET", "/api/v1/plans/x/apply", 405, "METHOD_NOT_ALLOWED"),
        call("unknown version", "GET", "/api/v2/plans", 404, "NOT_FOUND"),
        call("too deep", "GET", "/api/v1/plans/x/y/z", 404, "NOT_FOUND"),
        call("root", "GET", "/", 404, "NOT_FOUND"),
        // Unknown ids and names.
        call("unknown plan", "GET", "/api/v1/plans/plan-nope", 404, "NOT_FOUND"),
        call("approve unknown plan", "POST", "/api/v1/plans/plan-nope/approve", 404, "NOT_FOUND"),
        call("apply unknown plan", "POST", "/api/v1/plans/plan-nope/apply", 404, "NOT_FOUND"),
        call("unknown run", "GET", "/api/v1/runs/run-nope", 404, "NOT_FOUND"),
        call("cancel unknown run", "POST", "/api/v1/runs/run-nope/cancel", 404, "NOT_FOUND"),
        call("unknown job", "GET", "/api/v1/jobs/nope", 404, "NOT_FOUND"),
        call("run unknown job", "POST", "/api/v1/jobs/nope/run", 404, "NOT_FOUND"),
        call("pause unknown job", "POST", "/api/v1/jobs/nope/pause", 404, "NOT_FOUND"),
        call("history of unknown job", "GET", "/api/v1/jobs/nope/history", 404, "NOT_FOUND"),
        // State.
        call("apply a draft", "POST", "/api/v1/plans/{draft}/apply", 409, "PLAN_NOT_APPROVED"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void answersAClearJsonError(Bad bad) {
    HttpRequest.Builder request =
        ApiClient.plain(api.server.port(), "")
            .request(bad.path().replace("{draft}", draft))
            .method(
                bad.method(),
                bad.body().isEmpty()
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(bad.body()));
    bad.contentType().ifPresent(type -> request.header("Content-Type", type));
    bad.authorization().ifPresent(header -> request.header("Authorization", header));

    ApiClient.Answer answer = api.client.send(request.build());

    assertThat(answer.status()).as(answer.body()).isEqualTo(bad.status());
    assertThat(answer.header("content-type")).contains("application/json");
    assertThat(answer.errorCode()).as(answer.body()).isEqualTo(bad.code());
    String message = answer.json().at("/error/message").asText();
    assertThat(message).isNotBlank().doesNotContain("\n").doesNotContain(ApiFixture.TOKEN);
    if (bad.code().equals("MALFORMED_JSON") && !bad.body().isEmpty()) {
      assertThat(message).containsPattern("line \\d+, column \\d+");
    }
    if (bad.status() == 401) {
      assertThat(answer.header("www-authenticate")).contains("Bearer realm=\"xe-migrate\"");
    }
    if (bad.status() == 405) {
      assertThat(answer.header("allow")).isPresent();
    }
  }

  @Test
  void countsAtLeastFiftyBadRequests() {
    assertThat(badRequests().count()).isGreaterThanOrEqualTo(50);
  }

  @Test
  void unknownFieldAndWrongTypeNameTheField() {
    ApiClient.Answer unknown = api.client.post("/api/v1/plans", VM_PLAN + "\"colour\":\"red\"}");
    assertThat(unknown.json().at("/error/message").asText()).contains("'colour'");
    ApiClient.Answer wrong = api.client.post("/api/v1/plans", VM_PLAN + "\"source\":7}");
    assertThat(wrong.json().at("/error/message").asText())
        .contains("'source'")
        .contains("a string")
        .contains("number");
  }

  @Test
  void oversizedHeadersAndRequestLinesAreRefused() {
    HttpRequest headers =
        api.client.request("/api/v1/plans").header("X-Padding", "p".repeat(10_000)).GET().build();
    ApiClient.Answer tooLarge = ApiClient.plain(api.server.port(), "").send(headers);
    assertThat(tooLarge.status()).isEqualTo(431);
    assertThat(tooLarge.errorCode()).isEqualTo("HEADERS_TOO_LARGE");
    ApiClient.Answer longLine = api.client.get("/api/v1/plans/" + "q".repeat(5000));
    assertThat(longLine.status()).isEqualTo(414);
    assertThat(longLine.errorCode()).isEqualTo("URI_TOO_LONG");
  }

  @Test
  void theTokenNeverReachesALog() {
    ApiClient wrong = ApiClient.plain(api.server.port(), ApiFixture.TOKEN + "-wrong");
    assertThat(wrong.get("/api/v1/plans").status()).isEqualTo(401);
    assertThat(api.client.get("/api/v1/plans").status()).isEqualTo(200);
    assertThat(api.client.post("/api/v1/plans", "{").status()).isEqualTo(400);

    List<String> lines = logs.lines();
    assertThat(lines).anyMatch(line -> line.contains("/api/v1/plans"));
    assertThat(lines).noneMatch(line -> line.contains(ApiFixture.TOKEN.substring(0, 20)));
  }
}

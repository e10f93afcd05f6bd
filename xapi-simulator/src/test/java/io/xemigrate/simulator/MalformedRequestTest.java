package io.xemigrate.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.simulator.scenario.ScenarioLoader;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * xapi's HTTP request limits and its answers to bodies it cannot parse
 * (docs/failure-semantics.md#http-limits).
 */
class MalformedRequestTest {
  private static Simulator simulator;
  private static RawClient client;

  @BeforeAll
  static void start() {
    simulator =
        Simulator.start(
            ScenarioLoader.loadBundled("rolling-maintenance.yaml"),
            SimulatorOptions.manualClock().withPlainHttp(true));
    client = new RawClient(simulator.endpoints().pool("maintenance").master());
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @Test
  void unparsableJsonIsAnHtml500() throws Exception {
    HttpResponse<String> response = client.post("/jsonrpc", "{\"method\": ", "application/json");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).startsWith("<html>").contains("parse error");
  }

  @Test
  void aNullJsonIdIsRefused() throws Exception {
    HttpResponse<String> response =
        client.post(
            "/jsonrpc",
            "{\"method\":\"VM.get_all\",\"params\":[],\"id\":null}",
            "application/json");

    assertThat(response.statusCode()).isEqualTo(500);
  }

  @Test
  void unparsableXmlIsAnHtml500WithTheTextEscaped() throws Exception {
    HttpResponse<String> response = client.post("/RPC2", "<methodCall><oops>", "text/xml");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).startsWith("<html>").doesNotContain("<oops>");
  }

  @Test
  void externalEntitiesAreNotExpanded() throws Exception {
    String xml =
        "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<methodCall><methodName>&x;</methodName></methodCall>";
    HttpResponse<String> response = client.post("/", xml, "text/xml");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).doesNotContain("root:");
  }

  @Test
  void chunkedBodiesAreRefused() throws Exception {
    String status =
        client.rawStatusLine(
            "POST /jsonrpc HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n");

    assertThat(status).isEqualTo("HTTP/1.1 500 Internal Server Error");
  }

  @Test
  void bodiesOver300KibAreRefused() throws Exception {
    String status =
        client.rawStatusLine(
            "POST /jsonrpc HTTP/1.1\r\nHost: x\r\nContent-Length: "
                + (300 * 1024 + 1)
                + "\r\n\r\n{");

    assertThat(status).isEqualTo("HTTP/1.1 500 Internal Server Error");
  }

  @Test
  void headersOver1KibAreRefused() throws Exception {
    String status =
        client.rawStatusLine(
            "POST /jsonrpc HTTP/1.1\r\nHost: x\r\nX-Padding: "
                + "a".repeat(2000)
                + "\r\nContent-Length: 2\r\n\r\n{}");

    assertThat(status).isEqualTo("HTTP/1.1 431 Request Header Fields Too Large");
  }

  @Test
  void unknownPathsAreNotFound() throws Exception {
    assertThat(client.post("/nothing", "{}", "application/json").statusCode()).isEqualTo(404);
  }
}

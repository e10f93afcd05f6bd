package io.xemigrate.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.xemigrate.simulator.Endpoints.HostEndpoint;
import io.xemigrate.simulator.Endpoints.PoolEndpoint;
import io.xemigrate.simulator.scenario.ScenarioLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every host on its own loopback address and the one shared port, presenting its own certificate,
 * which the pool publishes as a {@code Certificate} record; the first master on {@code ::1}.
 */
class HostAddressesAndCertificatesTest {
  private static Simulator simulator;
  private static PoolEndpoint poolA;

  @BeforeAll
  static void start() {
    simulator =
        Simulator.start(
            ScenarioLoader.loadBundled("two-pools.yaml"),
            SimulatorOptions.manualClock().withIpv6Master());
    poolA = simulator.endpoints().pool("pool-a");
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  private static JsonNode call(SSLContext tls, String url, String method, Object... params)
      throws Exception {
    String body =
        RawClient.JSON.writeValueAsString(
            Map.of("jsonrpc", "2.0", "method", method, "params", List.of(params), "id", 1));
    HttpResponse<String> response =
        HttpClient.newBuilder()
            .sslContext(tls)
            .build()
            .send(
                HttpRequest.newBuilder(URI.create(url + "/jsonrpc"))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return RawClient.JSON.readTree(response.body());
  }

  private static JsonNode result(String method, Object... params) throws Exception {
    return call(PinnedTls.trusting(poolA.tlsFingerprint()), poolA.master(), method, params)
        .get("result");
  }

  @Test
  void everyHostServesOnTheSharedPortAtItsOwnAddress() {
    int port = simulator.endpoints().port();
    List<String> urls = new ArrayList<>();
    simulator.endpoints().pools().forEach(p -> p.hosts().forEach(h -> urls.add(h.url())));

    assertThat(urls).doesNotHaveDuplicates().allMatch(u -> u.endsWith(":" + port));
    assertThat(poolA.master()).isEqualTo("https://[::1]:" + port);
    assertThat(urls.subList(1, urls.size()))
        .allMatch(u -> u.matches("https://127\\.0\\.0\\.\\d+:" + port));
  }

  @Test
  void aMemberSendsClientsToTheBareIpv6AddressOfTheMaster() throws Exception {
    HostEndpoint member = poolA.hosts().stream().filter(h -> !h.master()).findFirst().orElseThrow();

    JsonNode error =
        call(
                PinnedTls.trusting(member.tlsFingerprint()),
                member.url(),
                "session.login_with_password",
                "root",
                "xenroot",
                "1.0",
                "t")
            .get("error");

    assertThat(JsonRpcTest.strings(error.get("data"))).containsExactly("::1");
  }

  @Test
  void eachHostPresentsItsOwnCertificate() throws Exception {
    List<HostEndpoint> hosts = poolA.hosts();
    assertThat(hosts.stream().map(HostEndpoint::tlsFingerprint)).doesNotHaveDuplicates();

    for (HostEndpoint host : hosts) {
      JsonNode answer =
          call(PinnedTls.trusting(host.tlsFingerprint()), host.url(), "system.listMethods");
      assertThat(answer.has("result")).isTrue();
    }
    HostEndpoint member = hosts.stream().filter(h -> !h.master()).findFirst().orElseThrow();
    assertThatThrownBy(
            () ->
                call(
                    PinnedTls.trusting(poolA.tlsFingerprint()), member.url(), "system.listMethods"))
        .isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void thePoolPublishesEveryHostCertificate() throws Exception {
    String session = result("session.login_with_password", "root", "xenroot", "1.0", "t").asText();

    JsonNode certificates = result("Certificate.get_all_records", session);
    JsonNode hosts = result("host.get_all_records", session);

    assertThat(certificates).hasSize(poolA.hosts().size());
    Set<String> published = new HashSet<>();
    certificates
        .fields()
        .forEachRemaining(
            entry -> {
              JsonNode c = entry.getValue();
              assertThat(c.get("type").asText()).isEqualTo("host");
              assertThat(c.get("name").asText()).isEmpty();
              assertThat(c.get("fingerprint_sha256").asText())
                  .matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
              assertThat(c.get("not_after").asText()).isGreaterThan(c.get("not_before").asText());
              JsonNode host = hosts.get(c.get("host").asText());
              assertThat(JsonRpcTest.strings(host.get("certificates")))
                  .containsExactly(entry.getKey());
              published.add(
                  host.get("uuid").asText() + " sha256:" + c.get("fingerprint_sha256").asText());
            });
    Set<String> expected = new HashSet<>();
    poolA.hosts().forEach(h -> expected.add(h.uuid() + " " + h.tlsFingerprint()));
    assertThat(published).isEqualTo(expected);
  }
}

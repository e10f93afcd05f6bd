package io.xemigrate.tests.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xemigrate.coordinator.batch.PoolGate;
import io.xemigrate.coordinator.pools.ConfigPaths;
import io.xemigrate.coordinator.pools.PoolConnector;
import io.xemigrate.coordinator.pools.PoolDirectory;
import io.xemigrate.coordinator.run.RunOptions;
import io.xemigrate.daemon.api.ApiServer;
import io.xemigrate.daemon.api.ApiServices;
import io.xemigrate.daemon.api.ApiSettings;
import io.xemigrate.daemon.api.EventHub;
import io.xemigrate.daemon.api.JobsPort;
import io.xemigrate.simulator.Simulator;
import io.xemigrate.simulator.SimulatorOptions;
import io.xemigrate.simulator.migration.MigrationExtension;
import io.xemigrate.simulator.scenario.Scenario;
import io.xemigrate.simulator.scenario.ScenarioLoader;
import io.xemigrate.simulator.wire.SelfSignedCertificate;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The xapi host plugin, run by this machine's python3, forwarding to the real HTTP API ({@link
 * ApiServer}) in this process over the two-pools simulator: check, plan, evacuate and status come
 * back as the daemon's JSON; errors as one line with the API's code; TLS with a pinned certificate
 * or a CA file.
 */
class HostPluginAgainstApiServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "host-plugin-test-token-0123456789";
  private static final Duration WAIT = Duration.ofMinutes(2);

  @TempDir static Path dir;
  private static Simulator simulator;
  private static MigrationExtension migration;
  private static final EventHub events = new EventHub();
  private static ApiServices services;
  private static ApiServer server;
  private static Path tokenFile;
  private static HostPlugin plugin;

  @BeforeAll
  static void startDaemonApi() throws IOException {
    assumeTrue(HostPlugin.pythonPresent(), "python3 is not installed");
    Scenario scenario = ScenarioLoader.loadBundled("two-pools.yaml");
    SimulatorOptions options = SimulatorOptions.atSpeed(400);
    migration = MigrationExtension.of(scenario, options.clock());
    simulator = Simulator.start(scenario, options.withExtension(migration));
    Path endpoints = dir.resolve("endpoints.json");
    simulator.writeEndpoints(endpoints);
    tokenFile = HostPlugin.privateFile(dir.resolve("daemon-token"), TOKEN);
    services =
        new ApiServices(
            PoolDirectory.load(endpoints),
            new PoolConnector(new ConfigPaths(dir.resolve("config")), Map.of(), warning -> {}),
            dir.resolve("journal.db"),
            JobsPort.none(),
            PoolGate.none(),
            events,
            Clock.systemUTC(),
            RunOptions.defaults());
    server = ApiServer.start(ApiSettings.loopback(tokenFile), services);
    Path host = Files.createDirectories(dir.resolve("host"));
    plugin = new HostPlugin(HostPlugin.writeConfig(host, url("http", server), TOKEN), host);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
      simulator.close();
      migration.close();
    }
  }

  @Test
  void checkReturnsTheDaemonsVerdicts() throws IOException {
    HostPlugin.Result result = plugin.run("check", "vm=web-01,gpu-render", "destination=pool-b");

    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode answer = JSON.readTree(result.out());
    assertThat(answer.get("checks")).hasSize(2);
    assertThat(answer.get("allCanMove").asBoolean()).isFalse();
    assertThat(result.out()).contains("VM_HAS_PCI_ATTACHED");
  }

  @Test
  void planCreatesADraftThatStatusShows() throws IOException {
    HostPlugin.Result planned = plugin.run("plan", "vm=web-01,web-02", "destination=pool-b");

    assertThat(planned.exitCode()).as(planned.err()).isZero();
    JsonNode plan = JSON.readTree(planned.out());
    String id = plan.get("id").asText();
    assertThat(id).startsWith("plan-");
    assertThat(plan.get("status").asText()).isEqualTo("draft");
    HostPlugin.Result shown = plugin.run("status", "plan=" + id);
    assertThat(JSON.readTree(shown.out()).get("status").asText()).isEqualTo("draft");
    HostPlugin.Result health = plugin.run("status");
    assertThat(JSON.readTree(health.out()).get("status").asText()).isEqualTo("ok");
  }

  @Test
  void evacuateRunsThePlanAndStatusFollowsTheRun() throws Exception {
    try (RunEnd end = new RunEnd(server)) {
      // Across pools: http-api's apply of an intra-pool plan fails (Set.of(same pool twice)).
      HostPlugin.Result result =
          plugin.run("evacuate", "host=a3", "destination=pool-b", "maintenance=false", "yes=true");

      assertThat(result.exitCode()).as(result.err()).isZero();
      JsonNode answer = JSON.readTree(result.out());
      String run = answer.get("run").asText();
      assertThat(run).isNotEmpty();
      assertThat(answer.get("plan").asText()).startsWith("plan-");
      end.await(run);
      JsonNode status = JSON.readTree(plugin.run("status", "run=" + run).out());
      assertThat(status.get("status").asText()).isIn("SUCCEEDED", "FAILED");
      assertThat(status.get("moves")).isNotEmpty();
      assertThat(status.get("moves").findValuesAsText("phase"))
          .allMatch(phase -> phase.equals("SUCCEEDED") || phase.equals("FAILED"));
    }
  }

  @Test
  void errorsComeBackWithTheApisCode() throws IOException {
    HostPlugin.Result unknown = plugin.run("check", "vm=no-such-vm", "destination=pool-b");
    Path wrong = Files.createDirectories(dir.resolve("wrong"));
    HostPlugin.Result unauthorized =
        new HostPlugin(HostPlugin.writeConfig(wrong, url("http", server), "not-the-token"), wrong)
            .run("status", "run=run-none");

    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).startsWith("xe-migrate: error: XE_MIGRATE_").hasLineCount(1);
    assertThat(unauthorized.exitCode()).isEqualTo(1);
    assertThat(unauthorized.err()).startsWith("xe-migrate: error: XE_MIGRATE_UNAUTHORIZED: ");
    assertThat(unknown.err() + unauthorized.err()).doesNotContain(TOKEN, "not-the-token");
  }

  @Test
  void overTlsWithAPinnedCertificateOrACaFile() throws IOException {
    SelfSignedCertificate certificate = SelfSignedCertificate.generate("127.0.0.1");
    Path tls = Files.createDirectories(dir.resolve("tls"));
    Path cert = pem(tls.resolve("tls.crt"), "CERTIFICATE", encoded(certificate, true));
    Path key = pem(tls.resolve("tls.key"), "PRIVATE KEY", encoded(certificate, false));
    try (ApiServer secure =
        ApiServer.start(
            ApiSettings.loopback(tokenFile).withTls(new ApiSettings.Tls(cert, key)), services)) {
      String url = url("https", secure);
      Path pinned = Files.createDirectories(dir.resolve("pinned"));
      Path ca = Files.createDirectories(dir.resolve("ca"));
      Path otherPin = Files.createDirectories(dir.resolve("other-pin"));

      HostPlugin.Result byPin =
          new HostPlugin(
                  HostPlugin.writeConfig(
                      pinned, url, TOKEN, "fingerprint = " + certificate.fingerprint()),
                  pinned)
              .run("status");
      HostPlugin.Result byCa =
          new HostPlugin(HostPlugin.writeConfig(ca, url, TOKEN, "ca_file = " + cert), ca)
              .run("status");
      HostPlugin.Result mismatch =
          new HostPlugin(
                  HostPlugin.writeConfig(
                      otherPin, url, TOKEN, "fingerprint = sha256:" + "00:".repeat(31) + "00"),
                  otherPin)
              .run("status");

      assertThat(byPin.exitCode()).as(byPin.err()).isZero();
      assertThat(JSON.readTree(byPin.out()).get("status").asText()).isEqualTo("ok");
      assertThat(byCa.exitCode()).as(byCa.err()).isZero();
      assertThat(mismatch.exitCode()).isEqualTo(1);
      assertThat(mismatch.err())
          .startsWith("xe-migrate: error: XE_MIGRATE_TLS: ")
          .contains("nothing was sent");
    }
  }

  private static String url(String scheme, ApiServer api) {
    return scheme + "://127.0.0.1:" + api.port();
  }

  private static byte[] encoded(SelfSignedCertificate certificate, boolean cert) {
    try {
      return cert ? certificate.certificate().getEncoded() : certificate.key().getEncoded();
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new AssertionError(e);
    }
  }

  private static Path pem(Path file, String type, byte[] der) throws IOException {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
            .encodeToString(der);
    return Files.writeString(
        file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
  }

  /** The event stream, read from before the run starts, so its end is never missed. */
  private static final class RunEnd implements AutoCloseable {
    private final java.util.concurrent.LinkedBlockingQueue<String> lines =
        new java.util.concurrent.LinkedBlockingQueue<>();
    private final Stream<String> body;

    RunEnd(ApiServer api) throws Exception {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url("http", api) + "/api/v1/events"))
              .header("Authorization", "Bearer " + TOKEN)
              .GET()
              .build();
      CompletableFuture<HttpResponse<Stream<String>>> answer =
          HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
      body = answer.get(30, TimeUnit.SECONDS).body();
      CountDownLatch reading = new CountDownLatch(1);
      Thread reader =
          new Thread(
              () -> {
                reading.countDown();
                try {
                  body.forEach(lines::add);
                } catch (RuntimeException closed) {
                  // The test closed the stream.
                }
              },
              "host-plugin-sse");
      reader.setDaemon(true);
      reader.start();
      reading.await(30, TimeUnit.SECONDS);
      assertThat(events.awaitSubscribers(1, WAIT)).as("subscribed to the event stream").isTrue();
    }

    /** Waits for the event that ends run {@code run}. */
    void await(String run) throws InterruptedException {
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (true) {
        String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        assertThat(line).as("the end of run %s within %s", run, WAIT).isNotNull();
        if (line.contains("\"run\":\"" + run + "\"") && line.contains("\"finished\"")) {
          return;
        }
      }
    }

    @Override
    public void close() {
      body.close();
    }
  }
}

package io.xemigrate.tests.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xemigrate.coordinator.batch.PoolGate;
import io.xemigrate.coordinator.pools.ConfigPaths;
import io.xemigrate.coordinator.pools.PoolConnector;
import io.xemigrate.coordinator.pools.PoolDirectory;
import io.xemigrate.daemon.api.ApiServer;
import io.xemigrate.daemon.api.ApiServices;
import io.xemigrate.daemon.api.ApiSettings;
import io.xemigrate.daemon.api.ApiStartException;
import io.xemigrate.daemon.api.EventHub;
import io.xemigrate.daemon.api.JobsPort;
import io.xemigrate.simulator.wire.SelfSignedCertificate;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server over TLS with a certificate generated here (BouncyCastle, through the simulator's
 * generator), and the one-line refusals to start: token file missing, empty, short or readable by
 * everyone; plain HTTP off loopback; unusable TLS files.
 */
class ApiStartAndTlsTest {
  @TempDir Path dir;

  private ApiServices services() {
    return ApiServices.of(
        PoolDirectory.of(List.of()),
        new PoolConnector(new ConfigPaths(dir.resolve("config")), Map.of(), warning -> {}),
        dir.resolve("journal.db"),
        JobsPort.none(),
        PoolGate.none(),
        new EventHub());
  }

  @Test
  void servesHttpsWithTheGivenCertificateAndKey() throws Exception {
    SelfSignedCertificate generated = SelfSignedCertificate.generate("xe-migrate-api");
    Path certificate =
        pem(dir.resolve("tls.crt"), "CERTIFICATE", generated.certificate().getEncoded());
    Path key = pem(dir.resolve("tls.key"), "PRIVATE KEY", generated.key().getEncoded());
    Path token = ApiFixture.writeToken(dir.resolve("token"), ApiFixture.TOKEN);
    ApiSettings settings =
        ApiSettings.loopback(token).withTls(new ApiSettings.Tls(certificate, key));

    try (ApiServer server = ApiServer.start(settings, services())) {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("api", generated.certificate());
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, factory.getTrustManagers(), null);
      ApiClient client =
          new ApiClient(
              HttpClient.newBuilder()
                  .sslContext(tls)
                  .connectTimeout(Duration.ofSeconds(10))
                  .build(),
              "https://127.0.0.1:" + server.port(),
              ApiFixture.TOKEN);

      assertThat(client.get("/healthz").json().get("status").asText()).isEqualTo("ok");
      ApiClient.Answer plans = client.get("/api/v1/plans");
      assertThat(plans.status()).isEqualTo(200);
      assertThat(plans.json().get("plans")).isEmpty();
      assertThat(client.get("/api/v1/jobs").json().get("jobs")).isEmpty();
      assertThat(client.get("/api/v1/jobs/nightly").errorCode()).isEqualTo("NOT_FOUND");
    }
  }

  @Test
  void refusesToStartWithABadTokenFile() throws Exception {
    assertRefused(ApiSettings.loopback(dir.resolve("absent")), "cannot read the API token file");
    Path empty = ApiFixture.writeToken(dir.resolve("empty"), "");
    assertRefused(ApiSettings.loopback(empty), "holds no token");
    Path shortToken = ApiFixture.writeToken(dir.resolve("short"), "abc");
    assertRefused(ApiSettings.loopback(shortToken), "shorter than 16");
    Path open = ApiFixture.writeToken(dir.resolve("open"), ApiFixture.TOKEN);
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
    assertRefused(
        ApiSettings.loopback(open), "is readable by users other than its owner: chmod 600 " + open);
    Path groupReadable = ApiFixture.writeToken(dir.resolve("group-readable"), ApiFixture.TOKEN);
    Files.setPosixFilePermissions(groupReadable, PosixFilePermissions.fromString("rw-r-----"));
    assertRefused(
        ApiSettings.loopback(groupReadable),
        "is readable by users other than its owner: chmod 600 " + groupReadable);
  }

  @Test
  void refusesPlainHttpOffLoopbackAndUnusableTlsFiles() throws Exception {
    Path token = ApiFixture.writeToken(dir.resolve("token"), ApiFixture.TOKEN);
    assertRefused(
        new ApiSettings("0.0.0.0", 0, token, Optional.empty(), 65536),
        "listens only on a loopback address");
    Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a certificate\n");
    assertRefused(
        ApiSettings.loopback(token).withTls(new ApiSettings.Tls(garbage, garbage)),
        "cannot use the TLS certificate");
  }

  private void assertRefused(ApiSettings settings, String message) {
    assertThatThrownBy(() -> ApiServer.start(settings, services()).close())
        .isInstanceOf(ApiStartException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", ApiFixture.TOKEN));
  }

  private static Path pem(Path file, String type, byte[] der) throws Exception {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
            .encodeToString(der);
    Files.writeString(
        file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }
}

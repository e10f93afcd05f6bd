package io.xemigrate.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xemigrate.xapi.testing.FakeXapiServer;
import io.xemigrate.xapi.testing.RecordingListener;
import io.xemigrate.xapi.testing.TestCertificates;
import io.xemigrate.xapi.testing.TestClients;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each trust mode against a real TLS server; a refused server never receives a request. */
class TrustModesTest {
  private final RecordingListener listener = new RecordingListener();

  private ClientSettings settings(FakeXapiServer server, TrustPolicy trust) {
    return TestClients.settings(server, "pool-a", listener).withTrust(trust);
  }

  @Test
  void pinnedFingerprintThatMatchesIsAccepted() {
    try (FakeXapiServer server = new FakeXapiServer("pool-a");
        PoolClient client =
            XapiClients.connect(
                settings(server, TrustPolicy.pinned(TestCertificates.named("pool-a").sha256())))) {
      assertThat(client.masterAddress()).isEqualTo(server.address());
      assertThat(server.activeSessionCount()).isEqualTo(1);
    }
  }

  @Test
  void pinnedFingerprintThatDiffersIsRefusedBeforeAnyCredentialLeaves() {
    try (FakeXapiServer server = new FakeXapiServer("pool-a")) {
      TrustPolicy otherPin = TrustPolicy.pinned(TestCertificates.named("pool-b").sha256());

      assertThatThrownBy(() -> XapiClients.connect(settings(server, otherPin)))
          .isInstanceOfSatisfying(
              XapiException.class,
              e -> {
                assertThat(e.code()).isEqualTo(XapiErrors.TLS_FINGERPRINT_MISMATCH);
                assertThat(e.kind()).isEqualTo(XapiErrorKind.AUTH);
                // The pinned and the presented fingerprint in one format (issue 17).
                assertThat(e.getMessage())
                    .contains("pinned sha256:" + TestCertificates.named("pool-b").sha256())
                    .contains("server sent sha256:" + TestCertificates.named("pool-a").sha256());
              });
      assertThat(server.received()).isEmpty();
    }
  }

  @Test
  void trustOnFirstUseRecordsTheCertificateThenRefusesADifferentOne(@TempDir Path dir)
      throws Exception {
    Path knownPools = dir.resolve("known_pools");
    TrustPolicy firstUse = TrustPolicy.trustOnFirstUse(knownPools);
    int port;
    try (FakeXapiServer original = new FakeXapiServer("pool-a");
        PoolClient client = XapiClients.connect(settings(original, firstUse))) {
      port = original.port();
      assertThat(original.activeSessionCount()).isEqualTo(1);
    }
    String recorded = Files.readString(knownPools, StandardCharsets.UTF_8);
    assertThat(recorded)
        .isEqualTo(
            "127.0.0.1:"
                + port
                + " "
                + TestCertificates.named("pool-a").sha256()
                + System.lineSeparator());

    // Same address, another certificate: an impostor, or a certificate replaced on purpose.
    try (FakeXapiServer impostor = new FakeXapiServer("pool-b", port)) {
      assertThatThrownBy(() -> XapiClients.connect(settings(impostor, firstUse)))
          .isInstanceOfSatisfying(
              XapiException.class,
              e -> {
                assertThat(e.code()).isEqualTo(XapiErrors.TLS_FINGERPRINT_MISMATCH);
                assertThat(e.parameters()).hasSize(1);
                assertThat(e.parameters().get(0))
                    .doesNotContain("\n")
                    .contains("known sha256:" + TestCertificates.named("pool-a").sha256())
                    .contains("now sha256:" + TestCertificates.named("pool-b").sha256());
              });
      assertThat(impostor.received()).isEmpty();
    }
  }

  @Test
  void systemTrustStoreRefusesASelfSignedCertificate() {
    try (FakeXapiServer server = new FakeXapiServer("pool-a")) {
      assertThatThrownBy(() -> XapiClients.connect(settings(server, TrustPolicy.system())))
          .isInstanceOfSatisfying(
              XapiException.class, e -> assertThat(e.code()).isEqualTo(XapiErrors.TLS_UNTRUSTED));
      assertThat(server.received()).isEmpty();
    }
  }

  @Test
  void skippingVerificationWorksButIsWarnedAbout() {
    try (FakeXapiServer server = new FakeXapiServer("pool-a");
        PoolClient client = XapiClients.connect(settings(server, TrustPolicy.insecure()))) {
      assertThat(server.activeSessionCount()).isEqualTo(1);
      assertThat(listener.linesStartingWith("insecureTls"))
          .containsExactly("insecureTls " + server.address());
    }
  }
}

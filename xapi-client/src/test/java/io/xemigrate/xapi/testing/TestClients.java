package io.xemigrate.xapi.testing;

import io.xemigrate.xapi.ClientSettings;
import io.xemigrate.xapi.PasswordSource;
import io.xemigrate.xapi.RetryPolicy;
import io.xemigrate.xapi.TrustPolicy;
import io.xemigrate.xapi.XapiEventListener;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Settings for clients of a {@link FakeXapiServer}: pinned to the test certificate, no sleeping.
 */
public final class TestClients {
  /** Waits the retry layer asked for, recorded instead of slept. */
  public static final List<Duration> SLEEPS = new CopyOnWriteArrayList<>();

  private TestClients() {}

  public static ClientSettings settings(
      FakeXapiServer server, String certificateName, XapiEventListener listener) {
    return ClientSettings.login(
            server.address(),
            FakeXapiServer.USER,
            PasswordSource.environment(
                "XE_PASSWORD", Map.of("XE_PASSWORD", FakeXapiServer.PASSWORD)))
        .withTrust(TrustPolicy.pinned(TestCertificates.named(certificateName).sha256()))
        .withRetry(
            new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(2), 42L), SLEEPS::add)
        .withListener(listener);
  }
}

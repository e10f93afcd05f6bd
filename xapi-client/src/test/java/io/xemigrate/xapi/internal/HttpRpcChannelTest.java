package io.xemigrate.xapi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xemigrate.xapi.TrustPolicy;
import io.xemigrate.xapi.XapiErrors;
import io.xemigrate.xapi.XapiEventListener;
import io.xemigrate.xapi.XapiException;
import io.xemigrate.xapi.testing.FakeXapiServer;
import io.xemigrate.xapi.testing.Reply;
import io.xemigrate.xapi.testing.TestCertificates;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The channel's own limits: an oversized answer is one bounded error. */
class HttpRpcChannelTest {

  @Test
  void refusesAnAnswerLargerThanTheBound() {
    try (FakeXapiServer server = new FakeXapiServer("pool-a")) {
      String session = server.mintSession();
      server.on("VM.get_all", params -> Reply.value("x".repeat(100_000)));
      HttpRpcChannel channel =
          new HttpRpcChannel(
              Endpoint.parse(server.address()),
              TrustPolicy.pinned(TestCertificates.named("pool-a").sha256()),
              XapiEventListener.none(),
              Duration.ofSeconds(5),
              Duration.ofSeconds(30),
              10_000);

      assertThatThrownBy(() -> channel.call("VM.get_all", new Object[] {session}, Duration.ZERO))
          .isInstanceOfSatisfying(
              XapiException.class,
              e -> {
                assertThat(e.code()).isEqualTo(XapiErrors.BAD_RESPONSE);
                assertThat(e.parameters()).containsExactly("answer larger than 10000 bytes");
              });
      server.on("VM.get_all", params -> Reply.value("small"));
      assertThat(channel.call("VM.get_all", new Object[] {session}, Duration.ZERO))
          .isEqualTo("small");
    }
  }
}

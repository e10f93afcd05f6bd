package io.xemigrate.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientSettingsTest {
  private static final PasswordSource PASSWORD = () -> Secret.of("s3cret");

  @Test
  void loginTakesTheBuilderDefaults() {
    ClientSettings settings = ClientSettings.login("pool-a", "root", PASSWORD);

    assertThat(settings.address()).isEqualTo("pool-a");
    assertThat(settings.username()).isEqualTo("root");
    assertThat(settings.password()).isSameAs(PASSWORD);
    assertThat(settings.reusesSession()).isFalse();
    assertThat(settings.knownMembers()).isEmpty();
    assertThat(settings.originator()).isEqualTo("xe-migrate/0.1");
    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(settings.callTimeout()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void reuseKeepsTheSessionAndNeedsNoUser() {
    ClientSettings settings = ClientSettings.reuse("pool-a", Secret.of("OpaqueRef:s"));

    assertThat(settings.reusesSession()).isTrue();
    assertThat(settings.username()).isEmpty();
    assertThat(settings.toString()).contains("session=<redacted>").doesNotContain("OpaqueRef:s");
  }

  @Test
  void eachWithChangesOneSettingAndKeepsTheRest() {
    Clock clock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
    ClientSettings base =
        ClientSettings.builder("pool-a")
            .username("root")
            .password(PASSWORD)
            .originator("test/1")
            .callTimeout(Duration.ofSeconds(3))
            .build();

    ClientSettings changed = base.withKnownMembers(List.of("a2", "a3")).withClock(clock);

    assertThat(changed.knownMembers()).containsExactly("a2", "a3");
    assertThat(changed.clock()).isSameAs(clock);
    assertThat(changed.withKnownMembers(List.of()).withClock(base.clock())).isEqualTo(base);
    assertThat(base.toBuilder().build()).isEqualTo(base);
  }
}

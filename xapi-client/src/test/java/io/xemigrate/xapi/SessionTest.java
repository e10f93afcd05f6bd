package io.xemigrate.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xemigrate.xapi.testing.FakeXapiServer;
import io.xemigrate.xapi.testing.RecordingListener;
import io.xemigrate.xapi.testing.Reply;
import io.xemigrate.xapi.testing.TestClients;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Login, reuse, logout, re-login, HOST_IS_SLAVE and master failover, over the wire. */
class SessionTest {
  private final RecordingListener listener = new RecordingListener();
  private final FakeXapiServer master = vmServer(new FakeXapiServer("pool-a"));

  /** A server that knows one VM, so that a read can be made. */
  static FakeXapiServer vmServer(FakeXapiServer server) {
    return server
        .on("VM.get_by_uuid", params -> Reply.value("OpaqueRef:vm-1"))
        .on(
            "VM.get_record",
            params ->
                Reply.value(
                    Map.of(
                        "uuid",
                        "vm-1",
                        "power_state",
                        "Running",
                        "resident_on",
                        "OpaqueRef:NULL")));
  }

  @AfterEach
  void sessionsBackToBaseline() {
    assertThat(master.activeSessionCount()).isZero();
    master.close();
  }

  private ClientSettings settings(FakeXapiServer server) {
    return TestClients.settings(server, "pool-a", listener);
  }

  @Test
  void logsInWithAPasswordFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("password");
    Files.writeString(file, FakeXapiServer.PASSWORD + "\n", StandardCharsets.UTF_8);
    ClientSettings settings =
        ClientSettings.login(master.address(), FakeXapiServer.USER, PasswordSource.file(file))
            .withTrust(settings(master).trust())
            .withListener(listener);
    try (PoolClient client = XapiClients.connect(settings)) {
      assertThat(client.placement("vm-1")).isPresent();
    }
    assertThat(master.count("session.login_with_password")).isEqualTo(1);
  }

  @Test
  void logsInWithAnEnvironmentVariable() {
    ClientSettings settings =
        ClientSettings.login(
                master.address(),
                FakeXapiServer.USER,
                PasswordSource.environment(
                    "POOL_PASSWORD", Map.of("POOL_PASSWORD", FakeXapiServer.PASSWORD)))
            .withTrust(settings(master).trust())
            .withListener(listener);
    try (PoolClient client = XapiClients.connect(settings)) {
      assertThat(client.placement("vm-1")).isPresent();
    }
  }

  @Test
  void aWrongPasswordIsAnAuthError() {
    ClientSettings settings =
        ClientSettings.login(
                master.address(),
                FakeXapiServer.USER,
                PasswordSource.environment("P", Map.of("P", "wrong")))
            .withTrust(settings(master).trust());
    assertThatThrownBy(() -> XapiClients.connect(settings))
        .isInstanceOfSatisfying(
            XapiException.class,
            e -> {
              assertThat(e.code()).isEqualTo("SESSION_AUTHENTICATION_FAILED");
              assertThat(e.kind()).isEqualTo(XapiErrorKind.AUTH);
            });
  }

  @Test
  void reusesAGivenSessionWithoutLoginOrLogout() {
    String existing = master.mintSession();
    ClientSettings settings =
        ClientSettings.reuse(master.address(), Secret.of(existing))
            .withTrust(settings(master).trust())
            .withListener(listener);
    try (PoolClient client = XapiClients.connect(settings)) {
      assertThat(client.placement("vm-1")).isPresent();
    }
    assertThat(master.received()).doesNotContain("session.login_with_password", "session.logout");
    assertThat(master.isActive(existing)).isTrue();
    master.invalidateAllSessions(); // the owner of that session logs it out, not us
  }

  @Test
  void logsOutOnClose() {
    PoolClient client = XapiClients.connect(settings(master));
    assertThat(master.activeSessionCount()).isEqualTo(1);
    client.close();
    assertThat(master.activeSessionCount()).isZero();
    assertThat(master.received()).endsWith("session.logout");
  }

  @Test
  void logsInAgainOnceWhenTheSessionBecomesInvalid() {
    try (PoolClient client = XapiClients.connect(settings(master))) {
      master.invalidateAllSessions(); // xapi restarted: sessions are not persisted

      assertThat(client.placement("vm-1")).isPresent();
    }
    assertThat(master.count("session.login_with_password")).isEqualTo(2);
    assertThat(master.received())
        .containsSubsequence(
            "VM.get_by_uuid", "session.login_with_password", "VM.get_by_uuid", "VM.get_record");
  }

  @Test
  void followsHostIsSlaveToTheMaster() {
    try (FakeXapiServer member = new FakeXapiServer("pool-a").memberOf(master.address());
        PoolClient client = XapiClients.connect(settings(member))) {
      assertThat(client.masterAddress()).isEqualTo(master.address());
      assertThat(client.placement("vm-1")).isPresent();
      assertThat(listener.linesStartingWith("redirect"))
          .containsExactly(
              "redirect " + member.address() + " -> " + master.address() + " HOST_IS_SLAVE");
      assertThat(member.activeSessionCount()).isZero();
    }
  }

  @Test
  void findsTheNewMasterAmongKnownMembersWhenTheMasterIsLost() {
    FakeXapiServer oldMaster = vmServer(new FakeXapiServer("pool-a"));
    try (PoolClient client =
        XapiClients.connect(settings(oldMaster).withKnownMembers(List.of(master.address())))) {
      oldMaster.close(); // the master is gone: connections are refused
      // HA elected the member as master (our fixture "master" plays the new master).

      assertThat(client.placement("vm-1")).isPresent();
      assertThat(client.masterAddress()).isEqualTo(master.address());
      assertThat(listener.linesStartingWith("redirect"))
          .containsExactly(
              "redirect "
                  + oldMaster.address()
                  + " -> "
                  + master.address()
                  + " master lost, trying member");
    }
  }

  @Test
  void findsTheNewMasterThroughAMemberThatPointsToIt() {
    FakeXapiServer oldMaster = vmServer(new FakeXapiServer("pool-a"));
    try (FakeXapiServer member = new FakeXapiServer("pool-a").memberOf(master.address());
        PoolClient client =
            XapiClients.connect(settings(oldMaster).withKnownMembers(List.of(member.address())))) {
      oldMaster.close();

      assertThat(client.placement("vm-1")).isPresent();
      assertThat(client.masterAddress()).isEqualTo(master.address());
    }
  }

  @Test
  void aSecretNeverShowsInToString() {
    Secret secret = Secret.of(FakeXapiServer.PASSWORD);
    ClientSettings settings = settings(master).withSession(Secret.of("OpaqueRef:abc"));
    assertThat(secret.toString()).isEqualTo("<redacted>");
    assertThat(settings.toString())
        .doesNotContain(FakeXapiServer.PASSWORD)
        .doesNotContain("OpaqueRef:abc");
  }
}

package io.xemigrate.tests.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.xemigrate.simulator.Endpoints;
import io.xemigrate.simulator.Simulator;
import io.xemigrate.simulator.SimulatorOptions;
import io.xemigrate.simulator.migration.Fault;
import io.xemigrate.simulator.migration.FaultKind;
import io.xemigrate.simulator.migration.MigrationExtension;
import io.xemigrate.simulator.rpc.Role;
import io.xemigrate.simulator.rpc.Session;
import io.xemigrate.simulator.scenario.Scenario;
import io.xemigrate.simulator.scenario.ScenarioLoader;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.tests.logging.LogCapture;
import io.xemigrate.xapi.ClientSettings;
import io.xemigrate.xapi.LoggingEventListener;
import io.xemigrate.xapi.PasswordSource;
import io.xemigrate.xapi.PoolClient;
import io.xemigrate.xapi.Secret;
import io.xemigrate.xapi.TrustPolicy;
import io.xemigrate.xapi.XapiClients;
import io.xemigrate.xapi.XapiEventListener;
import io.xemigrate.xapi.XapiException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's list against the in-process simulator (with its migration calls and faults): trust
 * modes, password file, session reuse, re-login after the pool's sessions expire, a master failover
 * during a session; every log line of the class is captured and scanned for the password and for
 * references, and the simulator's session count is back to its baseline after each test.
 */
class ClientResilienceAgainstSimulatorTest {
  private static final String PASSWORD = "xenroot";
  private static final String WRONG_FINGERPRINT = "sha256:" + "00:".repeat(31) + "00";

  private static Simulator simulator;
  private static MigrationExtension migration;
  private static Endpoints.PoolEndpoint poolA;
  private static int baselineSessions;
  private static final List<String> sessionRefsSeen = new CopyOnWriteArrayList<>();
  private static LogCapture logs;

  private final List<String> sessionEvents = new CopyOnWriteArrayList<>();
  private final List<String> redirects = new CopyOnWriteArrayList<>();

  @TempDir Path directory;

  @BeforeAll
  static void start() {
    // Every level of the project's loggers (this module's surefire configuration), so debug lines
    // are scanned too.
    logs = LogCapture.start();
    Scenario scenario = ScenarioLoader.loadBundled("two-pools.yaml");
    SimulatorOptions options = SimulatorOptions.manualClock();
    migration = MigrationExtension.of(scenario, options.clock());
    simulator = Simulator.start(scenario, options.withExtension(migration));
    poolA = simulator.endpoints().pool("pool-a");
    baselineSessions = sessions();
  }

  @AfterAll
  static void stop() {
    try {
      assertThat(sessions()).isEqualTo(baselineSessions);
      List<String> logLines = logs.lines();
      assertThat(logLines).isNotEmpty().noneMatch(line -> line.contains(PASSWORD));
      assertThat(logLines)
          .noneMatch(line -> line.replace("OpaqueRef:NULL", "").contains("OpaqueRef:"));
      for (String ref : sessionRefsSeen) {
        assertThat(logLines).noneMatch(line -> line.contains(ref));
      }
    } finally {
      logs.close();
      simulator.close();
      migration.close();
    }
  }

  @AfterEach
  void sessionsBackToBaseline() {
    simulator
        .pool("pool-a")
        .store()
        .all(XapiClass.SESSION)
        .forEach(s -> sessionRefsSeen.add(s.ref()));
    assertThat(sessions()).isEqualTo(baselineSessions);
  }

  private static int sessions() {
    return simulator.pool("pool-a").store().all(XapiClass.SESSION).size();
  }

  /** The client's logging listener (whose lines are scanned) plus a recorder for assertions. */
  private XapiEventListener recorder() {
    return XapiEventListener.compose(new LoggingEventListener(), record());
  }

  private XapiEventListener record() {
    return new XapiEventListener() {
      @Override
      public void session(String address, String action) {
        sessionEvents.add(action);
      }

      @Override
      public void redirect(String from, String to, String reason) {
        redirects.add(reason);
      }
    };
  }

  private ClientSettings withPassword(PasswordSource password, TrustPolicy trust) {
    return ClientSettings.login(poolA.master(), "root", password)
        .withTrust(trust)
        .withListener(recorder());
  }

  private ClientSettings pinned() {
    return withPassword(
        PasswordSource.environment("XE_TEST_PASSWORD", Map.of("XE_TEST_PASSWORD", PASSWORD)),
        TrustPolicy.pinned(poolA.tlsFingerprint()));
  }

  private static XapiException refusal(ClientSettings settings) {
    return catchThrowableOfType(
        XapiException.class,
        () -> {
          try (PoolClient client = XapiClients.connect(settings)) {
            client.loadInventory();
          }
        });
  }

  @Test
  void aPinnedFingerprintThatDiffersIsRefusedBeforeAnyLogin() {
    XapiException refused =
        refusal(
            withPassword(
                PasswordSource.environment("P", Map.of("P", PASSWORD)),
                TrustPolicy.pinned(WRONG_FINGERPRINT)));

    assertThat(refused).isNotNull();
    assertThat(sessionEvents).doesNotContain("login");
  }

  @Test
  void firstUseIsRecordedThenAChangedCertificateIsRefused() throws IOException {
    Path knownPools = directory.resolve("known-pools");
    ClientSettings tofu =
        withPassword(
            PasswordSource.environment("P", Map.of("P", PASSWORD)),
            TrustPolicy.trustOnFirstUse(knownPools));
    try (PoolClient client = XapiClients.connect(tofu)) {
      assertThat(client.loadInventory().hosts()).hasSize(3);
    }
    String recorded = Files.readString(knownPools, StandardCharsets.UTF_8);
    String hex = poolA.tlsFingerprint().replace("sha256:", "").replace(":", "");
    assertThat(recorded.replace(":", "").toUpperCase()).contains(hex.toUpperCase());

    // The same address now presents another certificate: the recorded line names a wrong one.
    String address = recorded.strip().split("\\s+")[0];
    Files.writeString(knownPools, address + " " + WRONG_FINGERPRINT + "\n", StandardCharsets.UTF_8);
    sessionEvents.clear();
    XapiException refused = refusal(tofu);

    assertThat(refused).isNotNull();
    assertThat(sessionEvents).doesNotContain("login");
  }

  @Test
  void logsInWithAPasswordFile() throws IOException {
    Path file = directory.resolve("password");
    Files.writeString(file, PASSWORD, StandardCharsets.UTF_8);

    try (PoolClient client =
        XapiClients.connect(
            withPassword(PasswordSource.file(file), TrustPolicy.pinned(poolA.tlsFingerprint())))) {
      assertThat(client.loadInventory().pool().nameLabel()).isEqualTo("pool-a");
    }
    assertThat(sessionEvents).contains("login");
  }

  @Test
  void aReusedSessionIsNeitherLoggedInNorOut() {
    Session given =
        simulator
            .pool("pool-a")
            .sessions()
            .mint(
                "root",
                Role.POOL_ADMIN,
                "xcp-ng-center",
                simulator.pool("pool-a").masterRef(),
                false);
    sessionRefsSeen.add(given.ref());
    try {
      try (PoolClient client =
          XapiClients.connect(
              ClientSettings.reuse(poolA.master(), Secret.of(given.ref()))
                  .withTrust(TrustPolicy.pinned(poolA.tlsFingerprint()))
                  .withListener(recorder()))) {
        assertThat(client.loadInventory().hosts()).hasSize(3);
        assertThat(sessions()).isEqualTo(baselineSessions + 1);
      }
      assertThat(simulator.pool("pool-a").sessions().isLive(given.ref())).isTrue();
      assertThat(sessions()).isEqualTo(baselineSessions + 1);
      assertThat(sessionEvents).doesNotContain("login", "logout");
    } finally {
      simulator.pool("pool-a").sessions().logout(given.ref());
    }
  }

  @Test
  void logsInAgainWhenThePoolsSessionsExpire() {
    try (PoolClient client = XapiClients.connect(pinned())) {
      client.loadInventory();
      migration.service().inject(new Fault(FaultKind.EXPIRE_SESSIONS, "pool-a", 0, 1, 0));

      assertThat(client.loadInventory().hosts()).hasSize(3);
    }
    assertThat(sessionEvents.stream().filter(event -> event.startsWith("login")).count())
        .isEqualTo(2);
  }

  @Test
  void followsTheMasterWhenItMovesDuringASession() {
    String a2 = hostUuid("a2");
    try (PoolClient client = XapiClients.connect(pinned())) {
      client.loadInventory();
      migration.service().inject(new Fault(FaultKind.MASTER_FAILOVER, a2, 0, 1, 0));

      assertThat(client.loadInventory().master().nameLabel()).isEqualTo("a2");
      assertThat(hostUrl("a2")).endsWith(client.masterAddress());
    } finally {
      migration.service().inject(new Fault(FaultKind.MASTER_FAILOVER, hostUuid("a1"), 0, 1, 0));
    }
    assertThat(redirects).contains("HOST_IS_SLAVE");
  }

  /**
   * Only the master is pinned; after a failover the new master presents its own certificate, which
   * the client trusts because the pool's Certificate records list it for that address. When the
   * records list another one (a swapped certificate, an impostor at that address), the client
   * refuses with one line naming both.
   */
  @Test
  void refusesANewMasterWhoseCertificateThePoolDoesNotList() {
    String a2 = hostUuid("a2");
    var store = simulator.pool("pool-a").store();
    String a2Ref = store.findByUuid(XapiClass.HOST, a2).orElseThrow().ref();
    String certificate =
        store.where(XapiClass.CERTIFICATE, c -> c.string("host").equals(a2Ref)).get(0).ref();
    String real = store.get(XapiClass.CERTIFICATE, certificate).string("fingerprint_sha256");
    String listed = "0A:".repeat(31) + "0A";
    store.set(XapiClass.CERTIFICATE, certificate, "fingerprint_sha256", listed);
    try (PoolClient client = XapiClients.connect(pinned())) {
      client.loadInventory();
      migration.service().inject(new Fault(FaultKind.MASTER_FAILOVER, a2, 0, 1, 0));

      XapiException refused = catchThrowableOfType(XapiException.class, client::loadInventory);

      assertThat(refused).isNotNull();
      assertThat(refused.code()).isEqualTo("XE_TLS_FINGERPRINT_MISMATCH");
      assertThat(refused.getMessage())
          .doesNotContain("\n")
          .contains("the pool lists sha256:" + listed)
          .contains("server sent sha256:" + real)
          .contains(hostUrl("a2").substring("https://".length()));
    } finally {
      store.set(XapiClass.CERTIFICATE, certificate, "fingerprint_sha256", real);
      migration.service().inject(new Fault(FaultKind.MASTER_FAILOVER, hostUuid("a1"), 0, 1, 0));
    }
  }

  private static String hostUuid(String name) {
    return poolA.hosts().stream()
        .filter(host -> host.name().equals(name))
        .findFirst()
        .orElseThrow()
        .uuid();
  }

  private static String hostUrl(String name) {
    return poolA.hosts().stream()
        .filter(host -> host.name().equals(name))
        .findFirst()
        .orElseThrow()
        .url();
  }
}

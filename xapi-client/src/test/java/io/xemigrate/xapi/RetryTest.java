package io.xemigrate.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableMap;
import io.xemigrate.xapi.model.PowerState;
import io.xemigrate.xapi.testing.FakeXapiServer;
import io.xemigrate.xapi.testing.RecordingListener;
import io.xemigrate.xapi.testing.Reply;
import io.xemigrate.xapi.testing.TestClients;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What is sent again after a failure, and what never is. */
class RetryTest {
  static final String DEST_SESSION = "OpaqueRef:dest-session-9c1e";

  private final RecordingListener listener = new RecordingListener();
  private final FakeXapiServer server =
      migrationServer(SessionTest.vmServer(new FakeXapiServer("pool-a")));

  /** Handlers for host.migrate_receive and the lookups migrate_send needs. */
  static FakeXapiServer migrationServer(FakeXapiServer server) {
    return server
        .on("host.get_by_uuid", params -> Reply.value("OpaqueRef:host-2"))
        .on("network.get_by_uuid", params -> Reply.value("OpaqueRef:net-1"))
        .on("VDI.get_by_uuid", params -> Reply.value("OpaqueRef:vdi-1"))
        .on("VIF.get_by_uuid", params -> Reply.value("OpaqueRef:vif-1"))
        .on(
            "host.migrate_receive",
            params ->
                Reply.value(
                    Map.of(
                        "session_id",
                        DEST_SESSION,
                        "host",
                        "OpaqueRef:host-2",
                        "master",
                        "http://10.0.0.1",
                        "xenops",
                        "http://10.0.0.2/services/xenops?session_id=" + DEST_SESSION,
                        "SM",
                        "http://10.0.0.2/services/SM?session_id=" + DEST_SESSION)))
        .on(
            "SR.get_all_records",
            params -> Reply.value(Map.of("OpaqueRef:sr-9", Map.of("uuid", "sr-dest"))))
        .on(
            "network.get_all_records",
            params -> Reply.value(Map.of("OpaqueRef:net-9", Map.of("uuid", "net-dest"))));
  }

  static MigrationSpec spec() {
    return new MigrationSpec(
        "vm-1",
        true,
        ImmutableMap.of("vdi-1", "sr-dest"),
        ImmutableMap.of("vif-1", "net-dest"),
        ImmutableMap.of());
  }

  @AfterEach
  void sessionsBackToBaseline() {
    assertThat(server.activeSessionCount()).isZero();
    server.close();
  }

  private PoolClient connect() {
    return XapiClients.connect(TestClients.settings(server, "pool-a", listener));
  }

  /** Answers with {@code first} once, then with {@code then}. */
  private static java.util.function.Function<List<Object>, Reply> once(Reply first, Reply then) {
    AtomicInteger calls = new AtomicInteger();
    return params -> calls.getAndIncrement() == 0 ? first : then;
  }

  @Test
  void aReadBrokenByAConnectionResetIsSentAgain() {
    server.on("VM.get_by_uuid", once(Reply.reset(), Reply.value("OpaqueRef:vm-1")));
    TestClients.SLEEPS.clear();
    try (PoolClient client = connect()) {
      assertThat(client.placement("vm-1")).isPresent();
    }
    assertThat(server.count("VM.get_by_uuid")).isEqualTo(2);
    assertThat(listener.linesStartingWith("retry VM.get_by_uuid 1 true")).hasSize(1);
    // One back-off, asked of the injected sleeper: base 100 ms scaled by jitter in [0.5, 1).
    assertThat(TestClients.SLEEPS)
        .singleElement()
        .satisfies(delay -> assertThat(delay.toMillis()).isBetween(50L, 100L));
  }

  @Test
  void aReadAnsweredTooBusyIsSentAgain() {
    server.on("VM.get_by_uuid", once(Reply.error("TOO_BUSY"), Reply.value("OpaqueRef:vm-1")));
    try (PoolClient client = connect()) {
      assertThat(client.placement("vm-1")).isPresent();
    }
    assertThat(server.count("VM.get_by_uuid")).isEqualTo(2);
  }

  @Test
  void retriesAreBounded() {
    server.on("VM.get_by_uuid", params -> Reply.error("TOO_BUSY"));
    try (PoolClient client = connect()) {
      assertThatThrownBy(() -> client.placement("vm-1"))
          .isInstanceOfSatisfying(
              XapiException.class, e -> assertThat(e.kind()).isEqualTo(XapiErrorKind.TRANSIENT));
    }
    assertThat(server.count("VM.get_by_uuid")).isEqualTo(4);
  }

  @Test
  void migrateSendBrokenByAConnectionResetIsNeverSentAgainAndTheStateIsObserved() {
    server.on("Async.VM.migrate_send", params -> Reply.reset());
    try (PoolClient client = connect();
        MigrateReceiveToken destination = client.migrateReceive("host-2", "net-1")) {

      assertThatThrownBy(() -> client.migrateSend(spec(), destination))
          .isInstanceOfSatisfying(
              XapiException.class,
              e -> {
                assertThat(e.code()).isEqualTo(XapiErrors.OUTCOME_UNKNOWN);
                assertThat(e.method()).isEqualTo("Async.VM.migrate_send");
              });
      assertThat(server.count("Async.VM.migrate_send")).isEqualTo(1);
      assertThat(listener.linesStartingWith("retry Async.VM.migrate_send"))
          .singleElement()
          .asString()
          .contains("false moves a VM or disk and may have reached the server");

      // The caller observes instead of resending.
      assertThat(client.placement("vm-1"))
          .hasValueSatisfying(p -> assertThat(p.powerState()).isEqualTo(PowerState.RUNNING));
    }
    assertThat(server.received()).contains("session.logout");
  }

  @Test
  void aTransientAnswerToMigrateSendIsLeftToTheCoordinator() {
    server.on("Async.VM.migrate_send", params -> Reply.error("TOO_MANY_STORAGE_MIGRATES", "3"));
    try (PoolClient client = connect();
        MigrateReceiveToken destination = client.migrateReceive("host-2", "net-1")) {
      assertThatThrownBy(() -> client.migrateSend(spec(), destination))
          .isInstanceOfSatisfying(
              XapiException.class,
              e -> {
                assertThat(e.code()).isEqualTo("TOO_MANY_STORAGE_MIGRATES");
                assertThat(e.parameters()).containsExactly("3");
                assertThat(e.errorCode().retryable()).isTrue();
              });
    }
    assertThat(server.count("Async.VM.migrate_send")).isEqualTo(1);
  }

  @Test
  void migrateSendGoesOutWithTheDestinationMapsAndReturnsItsTask() {
    List<List<Object>> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
    server.on(
        "Async.VM.migrate_send",
        params -> {
          sent.add(params);
          return Reply.value("OpaqueRef:task-1");
        });
    try (PoolClient client = connect()) {
      MigrateReceiveToken destination = client.migrateReceive("host-2", "net-1");
      TaskHandle task = client.migrateSend(spec(), destination);
      destination.close();

      assertThat(task).isEqualTo(new TaskHandle("OpaqueRef:task-1", "Async.VM.migrate_send"));
      assertThat(destination.toString()).doesNotContain(DEST_SESSION);
    }
    List<Object> params = sent.get(0);
    assertThat(params.get(1)).isEqualTo("OpaqueRef:vm-1");
    assertThat(params.get(4)).isEqualTo(Map.of("OpaqueRef:vdi-1", "OpaqueRef:sr-9"));
    assertThat(params.get(5)).isEqualTo(Map.of("OpaqueRef:vif-1", "OpaqueRef:net-9"));
    // The destination session is logged out when the migration ends.
    assertThat(server.received()).containsSubsequence("Async.VM.migrate_send", "session.logout");
  }

  @Test
  void backOffIsCappedJitteredAndReproducible() {
    RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(1), 7L);
    Random first = policy.newJitter();
    Random second = policy.newJitter();
    for (int attempt = 1; attempt < 10; attempt++) {
      Duration delay = policy.delayAfter(attempt, first);
      assertThat(delay).isEqualTo(policy.delayAfter(attempt, second));
      assertThat(delay).isLessThanOrEqualTo(Duration.ofSeconds(1));
      long ceiling = Math.min(1000, 100L << (attempt - 1));
      assertThat(delay.toMillis()).isBetween(ceiling / 2, ceiling);
    }
  }
}

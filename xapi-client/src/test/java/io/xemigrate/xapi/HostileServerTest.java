package io.xemigrate.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xemigrate.xapi.testing.Canary;
import io.xemigrate.xapi.testing.FakeXapiServer;
import io.xemigrate.xapi.testing.HostileResponses;
import io.xemigrate.xapi.testing.RecordingListener;
import io.xemigrate.xapi.testing.Reply;
import io.xemigrate.xapi.testing.TestClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A server without JSON-RPC, so the client falls back to XML-RPC through its own parser, and then
 * turns hostile. Nothing it sends is deserialized; each attempt is one bounded error.
 */
class HostileServerTest {
  private final FakeXapiServer server =
      SessionTest.vmServer(new FakeXapiServer("pool-a")).withoutJsonRpc();

  @AfterEach
  void close() {
    assertThat(server.activeSessionCount()).isZero();
    server.close();
  }

  private PoolClient connect() {
    return XapiClients.connect(TestClients.settings(server, "pool-a", new RecordingListener()));
  }

  @Test
  void fallsBackToXmlRpcWhenJsonRpcIsMissing() {
    try (PoolClient client = connect()) {
      assertThat(client.placement("vm-1")).isPresent();
    }
    assertThat(server.protocols()).isNotEmpty().containsOnly("xml");
  }

  @Test
  void aFaultCarryingASerializedObjectDeserializesNothing() {
    Canary.DESERIALIZED.set(0);
    server.on(
        "VM.get_by_uuid", params -> Reply.rawXml(HostileResponses.faultWithSerializedCause()));
    try (PoolClient client = connect()) {
      assertThatThrownBy(() -> client.placement("vm-1"))
          .isInstanceOfSatisfying(
              XapiException.class,
              e -> {
                assertThat(e.code()).isEqualTo(XapiErrors.BAD_RESPONSE);
                assertThat(e.getMessage()).contains("XML-RPC fault 1: boom");
              });
    }
    assertThat(Canary.DESERIALIZED).hasValue(0);
  }

  @Test
  void anExtensionSerializableValueIsRefused() {
    Canary.DESERIALIZED.set(0);
    server.on("VM.get_by_uuid", params -> Reply.rawXml(HostileResponses.exSerializableValue()));
    try (PoolClient client = connect()) {
      assertThatThrownBy(() -> client.placement("vm-1"))
          .isInstanceOfSatisfying(
              XapiException.class, e -> assertThat(e.code()).isEqualTo(XapiErrors.BAD_RESPONSE));
    }
    assertThat(Canary.DESERIALIZED).hasValue(0);
  }

  @Test
  void anExternalEntityIsRefused() {
    server.on("VM.get_by_uuid", params -> Reply.rawXml(HostileResponses.externalEntity()));
    try (PoolClient client = connect()) {
      assertThatThrownBy(() -> client.placement("vm-1"))
          .isInstanceOfSatisfying(
              XapiException.class,
              e -> {
                assertThat(e.code()).isEqualTo(XapiErrors.BAD_RESPONSE);
                assertThat(e.getMessage()).doesNotContain("root:");
              });
    }
  }
}

package io.xemigrate.xapi.testing;

import io.xemigrate.xapi.PoolClient;
import io.xemigrate.xapi.XapiClients;
import io.xemigrate.xapi.XapiException;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Runs the client through JSON-RPC, the XML-RPC fallback and a hostile fault. Loaded in an isolated
 * class loader by {@code ApacheParserNeverLoadedTest}.
 */
public final class ClientScenario implements Callable<String> {
  @Override
  public String call() {
    StringBuilder outcome = new StringBuilder();
    for (boolean json : new boolean[] {true, false}) {
      try (FakeXapiServer server = new FakeXapiServer("pool-a")) {
        if (!json) {
          server.withoutJsonRpc();
        }
        server
            .on("VM.get_by_uuid", params -> Reply.value("OpaqueRef:vm-1"))
            .on(
                "VM.get_record",
                params -> Reply.value(Map.of("uuid", "vm-1", "power_state", "Halted")))
            .on(
                "host.get_by_uuid",
                params -> Reply.rawXml(HostileResponses.faultWithSerializedCause()));
        try (PoolClient client =
            XapiClients.connect(TestClients.settings(server, "pool-a", new RecordingListener()))) {
          outcome.append(client.placement("vm-1").isPresent()).append(' ');
          if (!json) {
            try {
              client.disableHost("host-1");
            } catch (XapiException expected) {
              outcome.append(expected.code()).append(' ');
            }
          }
        }
      }
    }
    return outcome.toString().trim();
  }
}

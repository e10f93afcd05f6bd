package io.xemigrate.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.testing.FakeXapiServer;
import io.xemigrate.xapi.testing.PoolFixture;
import io.xemigrate.xapi.testing.Reply;
import io.xemigrate.xapi.testing.TestClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Round trips and time to load a 64-host, 5000-VM pool over HTTPS + JSON-RPC, and to follow 1000
 * changes through event.from. Not part of the normal build (it measures wall time); run with {@code
 * ./mvnw -q -pl xapi-client -am test -Dtest=InventoryBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dxe.benchmark=true}.
 */
@EnabledIfSystemProperty(named = "xe.benchmark", matches = "true")
class InventoryBenchmark {
  private static final int CHANGES = 1000;
  private static final int PER_BATCH = 50;

  /** Runs outside surefire too (surefire's argLine limits the JIT to C1). */
  public static void main(String[] args) {
    new InventoryBenchmark().loadAndFollow();
  }

  @Test
  void loadAndFollow() {
    PoolFixture fixture = new PoolFixture(64, 5000);
    AtomicInteger batchesServed = new AtomicInteger();
    try (FakeXapiServer server = fixture.serveOn(new FakeXapiServer("pool-a"))) {
      server.on(
          "event.from",
          params -> {
            if ("".equals(params.get(2))) {
              return Reply.value(
                  Map.of("events", List.of(), "valid_ref_counts", Map.of(), "token", "0"));
            }
            int batch = batchesServed.getAndIncrement();
            List<Map<String, Object>> events = new ArrayList<>();
            for (int i = 0; i < PER_BATCH; i++) {
              int vm = (batch * PER_BATCH + i) % 5000;
              Map<String, Object> record =
                  new HashMap<>(fixture.tables.get("VM").get("OpaqueRef:vm-" + vm));
              record.put("power_state", batch % 2 == 0 ? "Halted" : "Running");
              events.add(
                  Map.of(
                      "id",
                      "1",
                      "timestamp",
                      "0.0",
                      "class",
                      "vm",
                      "operation",
                      "mod",
                      "ref",
                      "OpaqueRef:vm-" + vm,
                      "snapshot",
                      record));
            }
            return Reply.value(
                Map.of(
                    "events",
                    events,
                    "valid_ref_counts",
                    Map.of(),
                    "token",
                    String.valueOf(batch + 1)));
          });
      try (PoolClient client =
          XapiClients.connect(TestClients.settings(server, "pool-a", XapiEventListener.none()))) {
        client.loadInventory(); // warm-up: JIT, TLS session
        int before = server.received().size();
        java.lang.management.ThreadMXBean threads =
            java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        PoolInventory inventory = client.loadInventory();
        long loadNanos = System.nanoTime() - start;
        long loadCpu = threads.getCurrentThreadCpuTime() - cpuStart;
        int roundTrips = server.received().size() - before;
        assertThat(inventory.guests()).hasSize(5000);

        InventoryTracker tracker = client.track(inventory);
        cpuStart = threads.getCurrentThreadCpuTime();
        start = System.nanoTime();
        while (tracker.eventsApplied() < CHANGES) {
          tracker.next(Duration.ofSeconds(1));
        }
        long followNanos = System.nanoTime() - start;
        long followCpu = threads.getCurrentThreadCpuTime() - cpuStart;

        System.out.printf(
            "BENCHMARK load 64 hosts / 5000 VMs: %d round trips, %d ms wall, %d ms client CPU;"
                + " follow %d changes in %d event.from batches of %d: %d ms wall, %d ms client"
                + " CPU%n",
            roundTrips,
            loadNanos / 1_000_000,
            loadCpu / 1_000_000,
            CHANGES,
            CHANGES / PER_BATCH,
            PER_BATCH,
            followNanos / 1_000_000,
            followCpu / 1_000_000);
      }
    }
  }
}

package io.xemigrate.tests.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.simulator.Endpoints;
import io.xemigrate.simulator.Simulator;
import io.xemigrate.simulator.SimulatorOptions;
import io.xemigrate.simulator.scenario.ScenarioGenerator;
import io.xemigrate.xapi.ClientSettings;
import io.xemigrate.xapi.PasswordSource;
import io.xemigrate.xapi.PoolClient;
import io.xemigrate.xapi.TrustPolicy;
import io.xemigrate.xapi.XapiClients;
import io.xemigrate.xapi.XapiEventListener;
import io.xemigrate.xapi.model.PoolInventory;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Round trips and time for xapi-client to load a generated 64-host, 5000-VM pool from the simulator
 * over pinned HTTPS. Measures wall time, so it is not part of the normal build: {@code ./mvnw -q
 * -pl tests -am test -Dtest=SimulatorInventoryBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dxe.benchmark=true}.
 */
@EnabledIfSystemProperty(named = "xe.benchmark", matches = "true")
class SimulatorInventoryBenchmark {

  @Test
  void loadA64Host5000VmPool() {
    try (Simulator simulator =
        Simulator.start(ScenarioGenerator.generate(64, 5000, 1L), SimulatorOptions.manualClock())) {
      int hosts = 0;
      int vms = 0;
      int roundTrips = 0;
      long millis = 0;
      long clientCpuMillis = 0;
      java.lang.management.ThreadMXBean threads =
          java.lang.management.ManagementFactory.getThreadMXBean();
      // The generator spreads the hosts over several pools: load each, as the planner would.
      for (Endpoints.PoolEndpoint pool : simulator.endpoints().pools()) {
        AtomicInteger calls = new AtomicInteger();
        ClientSettings settings =
            ClientSettings.login(
                    pool.master(),
                    pool.username(),
                    PasswordSource.environment("P", Map.of("P", pool.password())))
                .withTrust(TrustPolicy.pinned(pool.tlsFingerprint()))
                .withListener(
                    new XapiEventListener() {
                      @Override
                      public void callStart(String method) {
                        calls.incrementAndGet();
                      }
                    });
        try (PoolClient client = XapiClients.connect(settings)) {
          client.loadInventory(); // warm-up
          int before = calls.get();
          long cpu = threads.getCurrentThreadCpuTime();
          long start = System.nanoTime();
          PoolInventory inventory = client.loadInventory();
          millis += (System.nanoTime() - start) / 1_000_000;
          clientCpuMillis += (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
          roundTrips += calls.get() - before;
          hosts += inventory.hosts().size();
          vms += inventory.guests().size();
        }
      }
      assertThat(hosts).isEqualTo(64);
      System.out.printf(
          "BENCHMARK simulator: %d pools, %d hosts, %d guest VMs: %d round trips, %d ms wall,"
              + " %d ms CPU in the client's calling thread%n",
          simulator.endpoints().pools().size(), hosts, vms, roundTrips, millis, clientCpuMillis);
    }
  }
}

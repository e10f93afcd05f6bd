package io.xemigrate.tests.balance;

import io.xemigrate.plugin.bench.BalanceScenario;
import io.xemigrate.simulator.Simulator;
import io.xemigrate.simulator.SimulatorOptions;
import io.xemigrate.simulator.migration.MigrationExtension;
import io.xemigrate.simulator.scenario.Scenario;
import io.xemigrate.xapi.ClientSettings;
import io.xemigrate.xapi.PasswordSource;
import io.xemigrate.xapi.PoolClient;
import io.xemigrate.xapi.TrustPolicy;
import io.xemigrate.xapi.XapiClients;
import io.xemigrate.xapi.model.PoolInventory;
import java.nio.file.Path;
import java.util.Map;

/**
 * The bench's balance pool (two hot hosts of eight, anti-affinity groups, loads hidden in the
 * simulator) served in this process with the migration calls, far faster than real time, and its
 * endpoints file for the command line.
 */
final class BalancedPool implements AutoCloseable {
  static final String POOL = "balance-pool";
  private static final String PASSWORD = "XE_TEST_PASSWORD";

  final MigrationExtension migration;
  final Simulator simulator;

  BalancedPool(long seed) {
    Scenario scenario = BalanceScenario.scenario(seed);
    SimulatorOptions options = SimulatorOptions.atSpeed(400);
    migration = MigrationExtension.of(scenario, options.clock());
    simulator = Simulator.start(scenario, options.withExtension(migration));
  }

  Path writeEndpoints(Path file) throws java.io.IOException {
    simulator.writeEndpoints(file);
    return file;
  }

  /** The pool as it is now, read over XenAPI. */
  PoolInventory inventory() {
    var pool = simulator.endpoints().pool(POOL);
    ClientSettings settings =
        ClientSettings.login(
                pool.master(),
                pool.username(),
                PasswordSource.environment(PASSWORD, Map.of(PASSWORD, pool.password())))
            .withTrust(TrustPolicy.pinned(pool.tlsFingerprint()));
    try (PoolClient client = XapiClients.connect(settings)) {
      return client.loadInventory();
    }
  }

  @Override
  public void close() {
    simulator.close();
    migration.close();
  }
}

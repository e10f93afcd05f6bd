package io.xemigrate.plugin.bench;

import io.xemigrate.simulator.Endpoints;
import io.xemigrate.simulator.Simulator;
import io.xemigrate.simulator.SimulatorOptions;
import io.xemigrate.simulator.migration.MigrationExtension;
import io.xemigrate.simulator.migration.MigrationService;
import io.xemigrate.simulator.scenario.Scenario;
import io.xemigrate.xapi.ClientSettings;
import io.xemigrate.xapi.PasswordSource;
import io.xemigrate.xapi.PoolClient;
import io.xemigrate.xapi.TrustPolicy;
import io.xemigrate.xapi.XapiClients;
import java.util.Map;

/**
 * A fresh in-process simulator of a one-pool scenario with the migration calls, running virtual
 * time at {@code speed}, and a client logged in to its master over pinned TLS.
 */
final class SimulatedPool implements AutoCloseable {
  private static final String PASSWORD_VARIABLE = "XE_BENCH_PASSWORD";

  private final MigrationExtension migration;
  private final Simulator simulator;
  private final PoolClient client;

  private SimulatedPool(MigrationExtension migration, Simulator simulator, PoolClient client) {
    this.migration = migration;
    this.simulator = simulator;
    this.client = client;
  }

  static SimulatedPool start(Scenario scenario, double speed) {
    SimulatorOptions options = SimulatorOptions.atSpeed(speed);
    MigrationExtension migration = MigrationExtension.of(scenario, options.clock());
    Simulator simulator = Simulator.start(scenario, options.withExtension(migration));
    try {
      Endpoints.PoolEndpoint pool = simulator.endpoints().pools().get(0);
      // The simulator's generated password never reaches an environment variable or a log: the
      // map stands in for the environment.
      ClientSettings settings =
          ClientSettings.login(
                  pool.master(),
                  pool.username(),
                  PasswordSource.environment(
                      PASSWORD_VARIABLE, Map.of(PASSWORD_VARIABLE, pool.password())))
              .withTrust(TrustPolicy.pinned(pool.tlsFingerprint()));
      return new SimulatedPool(migration, simulator, XapiClients.connect(settings));
    } catch (RuntimeException e) {
      simulator.close();
      migration.close();
      throw e;
    }
  }

  PoolClient client() {
    return client;
  }

  MigrationService migrations() {
    return migration.service();
  }

  @Override
  public void close() {
    client.close();
    simulator.close();
    migration.close();
  }
}

package io.xemigrate.tests.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.coordinator.batch.PoolGate;
import io.xemigrate.coordinator.journal.StoreLocation;
import io.xemigrate.coordinator.pools.ConfigPaths;
import io.xemigrate.coordinator.pools.PoolConnector;
import io.xemigrate.coordinator.pools.PoolDirectory;
import io.xemigrate.daemon.api.ApiServer;
import io.xemigrate.daemon.api.ApiServices;
import io.xemigrate.daemon.api.ApiSettings;
import io.xemigrate.daemon.api.EventHub;
import io.xemigrate.simulator.Simulator;
import io.xemigrate.simulator.SimulatorOptions;
import io.xemigrate.simulator.scenario.ScenarioLoader;
import io.xemigrate.tests.store.PostgresServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API's plan store on a PostgreSQL database: a connection the server dropped fails the one
 * request that met it, and the next request opens a new connection.
 */
class ApiPlansOnPostgresTest {
  @TempDir Path dir;

  @Test
  void aConnectionTheServerDroppedIsOneFailedRequestThenOpenedAgain() throws Exception {
    StoreLocation.Postgres database = PostgresServer.shared().newDatabase();
    try (Simulator simulator =
        Simulator.start(
            ScenarioLoader.loadBundled("two-pools.yaml"), SimulatorOptions.manualClock())) {
      Path endpoints = dir.resolve("endpoints.json");
      simulator.writeEndpoints(endpoints);
      ApiServices services =
          ApiServices.of(
              PoolDirectory.load(endpoints),
              new PoolConnector(new ConfigPaths(dir.resolve("config")), Map.of(), warning -> {}),
              database,
              new TestJobs(),
              PoolGate.none(),
              new EventHub());
      try (ApiServer server =
          ApiServer.start(
              ApiSettings.loopback(
                  ApiFixture.writeToken(dir.resolve("api-token"), ApiFixture.TOKEN)),
              services)) {
        ApiClient client = ApiClient.plain(server.port(), ApiFixture.TOKEN);
        assertThat(client.get("/api/v1/plans").status()).isEqualTo(200);

        PostgresServer.shared().dropConnections(database.database());

        ApiClient.Answer cut = client.get("/api/v1/plans");
        assertThat(cut.status()).isEqualTo(500);
        assertThat(cut.body()).doesNotContain(database.password());
        assertThat(client.get("/api/v1/plans").status()).isEqualTo(200);
      }
    }
  }
}

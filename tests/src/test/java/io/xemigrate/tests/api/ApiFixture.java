package io.xemigrate.tests.api;

import io.xemigrate.coordinator.batch.PoolGate;
import io.xemigrate.coordinator.pools.ConfigPaths;
import io.xemigrate.coordinator.pools.PoolConnector;
import io.xemigrate.coordinator.pools.PoolDirectory;
import io.xemigrate.coordinator.run.RunOptions;
import io.xemigrate.daemon.api.ApiServer;
import io.xemigrate.daemon.api.ApiServices;
import io.xemigrate.daemon.api.ApiSettings;
import io.xemigrate.daemon.api.EventHub;
import io.xemigrate.simulator.Simulator;
import io.xemigrate.simulator.SimulatorOptions;
import io.xemigrate.simulator.migration.MigrationExtension;
import io.xemigrate.simulator.scenario.Scenario;
import io.xemigrate.simulator.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The two-pools simulator in this process at 400x (virtual time: nothing sleeps), an endpoints file
 * as the pool profile file, a temporary journal database, a token file, and the API server over
 * them on a free loopback port.
 */
final class ApiFixture implements AutoCloseable {
  static final String TOKEN = "test-token-0123456789abcdef-secret";

  final MigrationExtension migration;
  final Simulator simulator;
  final EventHub events = new EventHub();
  final TestJobs jobs = new TestJobs();
  final Path database;
  final Path tokenFile;
  final PoolDirectory pools;
  final ApiServer server;
  final ApiClient client;

  ApiFixture(Path dir) {
    this(dir, settings -> settings);
  }

  ApiFixture(Path dir, UnaryOperator<ApiSettings> tune) {
    this(dir, ScenarioLoader.loadBundled("two-pools.yaml"), tune);
  }

  ApiFixture(Path dir, Scenario scenario, UnaryOperator<ApiSettings> tune) {
    this(dir, scenario, tune, UnaryOperator.identity());
  }

  /**
   * @param profile the pool profile file the server reads, made from the simulator's endpoints file
   */
  ApiFixture(
      Path dir, Scenario scenario, UnaryOperator<ApiSettings> tune, UnaryOperator<Path> profile) {
    SimulatorOptions options = SimulatorOptions.atSpeed(400);
    migration = MigrationExtension.of(scenario, options.clock());
    simulator = Simulator.start(scenario, options.withExtension(migration));
    try {
      Path endpoints = dir.resolve("endpoints.json");
      simulator.writeEndpoints(endpoints);
      pools = PoolDirectory.load(profile.apply(endpoints));
      tokenFile = writeToken(dir.resolve("api-token"), TOKEN);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    database = dir.resolve("journal.db");
    ApiServices services =
        new ApiServices(
            pools,
            new PoolConnector(new ConfigPaths(dir.resolve("config")), Map.of(), warning -> {}),
            database,
            jobs,
            PoolGate.none(),
            events,
            Clock.systemUTC(),
            RunOptions.defaults());
    server = ApiServer.start(tune.apply(ApiSettings.loopback(tokenFile)), services);
    client = ApiClient.plain(server.port(), TOKEN);
  }

  static Path writeToken(Path file, String token) throws IOException {
    Files.writeString(file, token + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }

  @Override
  public void close() {
    server.close();
    simulator.close();
    migration.close();
  }
}

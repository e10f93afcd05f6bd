package io.xemigrate.plugin.bench;

import com.google.common.collect.ImmutableList;
import io.xemigrate.coordinator.planning.PoolObservationsReader;
import io.xemigrate.planner.schedule.PoolObservations;
import io.xemigrate.simulator.Endpoints;
import io.xemigrate.simulator.Simulator;
import io.xemigrate.simulator.SimulatorOptions;
import io.xemigrate.simulator.migration.ControlServer;
import io.xemigrate.simulator.migration.MigrationExtension;
import io.xemigrate.simulator.scenario.Scenario;
import io.xemigrate.xapi.ClientSettings;
import io.xemigrate.xapi.PasswordSource;
import io.xemigrate.xapi.PoolClient;
import io.xemigrate.xapi.TrustPolicy;
import io.xemigrate.xapi.XapiClients;
import io.xemigrate.xapi.model.PoolInventory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A fresh in-process simulator of a scenario (one pool, or two for cross-pool moves) with the
 * migration calls, running virtual time at {@code speed}, a client logged in to each pool's master
 * over pinned TLS (at most the first two pools), and the simulator's control endpoint, from which
 * only the bench reads the truth ({@link SimulatorTruth}).
 */
final class SimulatedPool implements AutoCloseable {
  private static final String PASSWORD_VARIABLE = "XE_BENCH_PASSWORD";

  private final MigrationExtension migration;
  private final Simulator simulator;
  private final ImmutableList<PoolClient> clients;
  private final ControlServer control;

  private SimulatedPool(
      MigrationExtension migration,
      Simulator simulator,
      ImmutableList<PoolClient> clients,
      ControlServer control) {
    this.migration = migration;
    this.simulator = simulator;
    this.clients = clients;
    this.control = control;
  }

  static SimulatedPool start(Scenario scenario, double speed) {
    SimulatorOptions options = SimulatorOptions.atSpeed(speed);
    MigrationExtension migration = MigrationExtension.of(scenario, options.clock());
    Simulator simulator = Simulator.start(scenario, options.withExtension(migration));
    List<PoolClient> clients = new ArrayList<>();
    try {
      List<Endpoints.PoolEndpoint> pools = simulator.endpoints().pools();
      for (Endpoints.PoolEndpoint pool : pools.subList(0, Math.min(2, pools.size()))) {
        clients.add(connect(pool));
      }
      return new SimulatedPool(
          migration,
          simulator,
          ImmutableList.copyOf(clients),
          ControlServer.start(migration.service()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      clients.forEach(PoolClient::close);
      simulator.close();
      migration.close();
      throw new IllegalStateException("interrupted while starting the control endpoint", e);
    } catch (RuntimeException e) {
      clients.forEach(PoolClient::close);
      simulator.close();
      migration.close();
      throw e;
    }
  }

  private static PoolClient connect(Endpoints.PoolEndpoint pool) {
    // The simulator's generated password never reaches an environment variable or a log: the map
    // stands in for the environment.
    ClientSettings settings =
        ClientSettings.login(
                pool.master(),
                pool.username(),
                PasswordSource.environment(
                    PASSWORD_VARIABLE, Map.of(PASSWORD_VARIABLE, pool.password())))
            .withTrust(TrustPolicy.pinned(pool.tlsFingerprint()));
    return XapiClients.connect(settings);
  }

  /** The first pool's client: the one every move leaves. */
  PoolClient client() {
    return clients.get(0);
  }

  /** The receiving pool's client: the second pool's, or the first's when there is one pool. */
  PoolClient destination() {
    return clients.get(clients.size() - 1);
  }

  /** The inventories of the pools, first pool first. */
  List<PoolInventory> inventories() {
    return clients.stream().map(PoolClient::loadInventory).toList();
  }

  /**
   * What the pools' RRDs showed over the last {@code windowSeconds} (NIC traffic, guests' disk
   * I/O), read as the planner would on a real pool.
   */
  PoolObservations observations(long windowSeconds) {
    PoolObservations all = PoolObservations.none();
    for (PoolClient client : clients) {
      all = all.and(PoolObservationsReader.read(client, client.loadInventory(), windowSeconds));
    }
    return all;
  }

  /** The simulator's recorded truth, read over its control endpoint. */
  SimulatorTruth truth() {
    return new SimulatorTruth(control.url());
  }

  @Override
  public void close() {
    control.close();
    clients.forEach(PoolClient::close);
    simulator.close();
    migration.close();
  }
}

package io.xemigrate.tests.daemon;

import io.xemigrate.coordinator.pools.ConfigPaths;
import io.xemigrate.coordinator.pools.PoolConnector;
import io.xemigrate.coordinator.pools.PoolDirectory;
import io.xemigrate.coordinator.run.RunListener;
import io.xemigrate.coordinator.run.RunOptions;
import io.xemigrate.daemon.Daemon;
import io.xemigrate.daemon.DaemonConfigReader;
import io.xemigrate.daemon.DaemonServices;
import io.xemigrate.simulator.Simulator;
import io.xemigrate.simulator.SimulatorOptions;
import io.xemigrate.simulator.migration.MigrationExtension;
import io.xemigrate.simulator.migration.MigrationService;
import io.xemigrate.simulator.scenario.Scenario;
import io.xemigrate.simulator.scenario.ScenarioLoader;
import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.PowerState;
import io.xemigrate.xapi.model.Vm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The daemon tests' world: the {@code daemon-pools.yaml} simulator in this process over pinned
 * HTTPS (virtual time at {@code speed}), its endpoints file as the pool profile file, a database in
 * a temporary folder, configuration files, and daemons wired to a clock the test controls.
 */
final class DaemonWorld implements AutoCloseable {
  final Path dir;
  final Simulator simulator;
  final MigrationExtension migration;
  final Path endpoints;
  final Path database;
  final PoolDirectory directory;
  final PoolConnector connector;

  DaemonWorld(Path dir, double speed) {
    this(dir, speed, ScenarioLoader.load(resource("daemon/daemon-pools.yaml")));
  }

  /** The same world over another scenario. */
  DaemonWorld(Path dir, double speed, Scenario scenario) {
    this.dir = dir;
    SimulatorOptions options = SimulatorOptions.atSpeed(speed);
    migration = MigrationExtension.of(scenario, options.clock());
    simulator = Simulator.start(scenario, options.withExtension(migration));
    endpoints = dir.resolve("endpoints.json");
    database = dir.resolve("journal.db");
    try {
      simulator.writeEndpoints(endpoints);
      Files.createDirectories(dir.resolve("config"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    directory = PoolDirectory.load(endpoints);
    connector = new PoolConnector(new ConfigPaths(dir.resolve("config")), Map.of(), warning -> {});
  }

  static Path resource(String name) {
    try {
      return Path.of(DaemonWorld.class.getClassLoader().getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes a configuration with these jobs (YAML list items) and returns its path. */
  Path config(String name, String jobs) {
    return config(name, "", jobs);
  }

  /** As above, with more top-level keys (an {@code api:} section). */
  Path config(String name, String top, String jobs) {
    return config(name, "database: journal.db\n", top, jobs);
  }

  /**
   * As above, with the {@code database:} lines given (a PostgreSQL database, its password file).
   */
  Path config(String name, String database, String top, String jobs) {
    Path file = dir.resolve(name);
    String text =
        "pools: endpoints.json\n"
            + database
            + "leaseTtl: PT2S\n"
            + top
            + "jobs:\n"
            + jobs.stripIndent();
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  Daemon daemon(Path config, Clock clock, RunListener listener) {
    return Daemon.start(
        DaemonConfigReader.read(config),
        new DaemonServices(directory, connector, database, clock, listener, RunOptions.defaults()));
  }

  PoolInventory inventory(String pool) {
    return connector.loadInventory(directory.resolve(pool, "pool"));
  }

  /** Where a VM runs: the pool and host name, empty when it runs nowhere. */
  Optional<String> whereRuns(String vmName) {
    for (String pool : new String[] {"pool-a", "pool-b"}) {
      PoolInventory inventory = inventory(pool);
      Optional<Vm> vm =
          inventory.guests().stream()
              .filter(guest -> guest.nameLabel().equals(vmName))
              .filter(guest -> guest.powerState() == PowerState.RUNNING)
              .findFirst();
      if (vm.isPresent()) {
        return Optional.of(
            pool + "/" + inventory.host(vm.get().residentOnHostUuid()).orElseThrow().nameLabel());
      }
    }
    return Optional.empty();
  }

  boolean hostEnabled(String pool, String host) {
    return host(pool, host).enabled();
  }

  /** A host by name, as the pool reports it now. */
  Host host(String pool, String host) {
    return inventory(pool).hosts().values().stream()
        .filter(h -> h.nameLabel().equals(host))
        .findFirst()
        .orElseThrow();
  }

  /** Migrations the simulator recorded, per VM name. */
  Map<String, Long> migrationsPerVm() {
    Map<String, String> names =
        inventory("pool-a").vms().values().stream()
            .collect(Collectors.toMap(Vm::uuid, Vm::nameLabel, (a, b) -> a));
    inventory("pool-b").vms().values().forEach(vm -> names.putIfAbsent(vm.uuid(), vm.nameLabel()));
    return migration.service().recorded().stream()
        .collect(
            Collectors.groupingBy(
                (MigrationService.Recorded recorded) ->
                    names.getOrDefault(recorded.vmUuid(), recorded.vmUuid()),
                Collectors.counting()));
  }

  @Override
  public void close() {
    simulator.close();
    migration.close();
  }
}

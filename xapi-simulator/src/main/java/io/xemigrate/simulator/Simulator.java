package io.xemigrate.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.common.collect.ImmutableList;
import io.xemigrate.simulator.Endpoints.HostEndpoint;
import io.xemigrate.simulator.Endpoints.PoolEndpoint;
import io.xemigrate.simulator.api.StandardMethods;
import io.xemigrate.simulator.rpc.Dispatcher;
import io.xemigrate.simulator.rpc.PoolRuntime;
import io.xemigrate.simulator.rpc.Role;
import io.xemigrate.simulator.rpc.Sessions;
import io.xemigrate.simulator.rpc.User;
import io.xemigrate.simulator.rrd.RrdUpdates;
import io.xemigrate.simulator.scenario.PoolBuilder;
import io.xemigrate.simulator.scenario.Scenario;
import io.xemigrate.simulator.store.ObjectStore;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.wire.RpcServer;
import io.xemigrate.simulator.workload.HiddenWorld;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A running simulator: every pool of a scenario with one endpoint per host on 127.0.0.1. Start it
 * with {@link #start}, read {@link #endpoints()}, and {@link #close()} it when done.
 */
public final class Simulator implements AutoCloseable {
  private final Scenario scenario;
  private final SimulatorOptions options;
  private final RpcServer server;
  private final Fleet fleet = new Fleet();
  private final ExecutorService asyncWorkers =
      Executors.newCachedThreadPool(
          runnable -> {
            Thread thread = new Thread(runnable, "xapi-sim-task");
            thread.setDaemon(true);
            return thread;
          });
  private Endpoints endpoints = new Endpoints(ImmutableList.of());

  private Simulator(Scenario scenario, SimulatorOptions options) {
    this.scenario = scenario;
    this.options = options;
    this.server = options.plainHttp() ? RpcServer.plainHttp() : RpcServer.https();
  }

  /** Builds every pool of {@code scenario} and opens its endpoints. */
  public static Simulator start(Scenario scenario, SimulatorOptions options) {
    Simulator simulator = new Simulator(scenario, options);
    try {
      simulator.open();
    } catch (InterruptedException e) {
      simulator.close();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while opening endpoints", e);
    } catch (RuntimeException e) {
      simulator.close();
      throw e;
    }
    return simulator;
  }

  private void open() throws InterruptedException {
    ImmutableList<User> users =
        scenario.users().stream()
            .map(u -> new User(u.name(), u.password(), Role.byWireName(u.role()).orElseThrow()))
            .collect(ImmutableList.toImmutableList());
    User admin =
        users.stream().filter(u -> u.role() == Role.POOL_ADMIN).findFirst().orElse(users.get(0));
    Instant epoch = scenario.epoch() == null ? options.epoch() : Instant.parse(scenario.epoch());
    ImmutableList.Builder<PoolEndpoint> pools = ImmutableList.builder();
    Map<String, ObjectStore> stores = new HashMap<>();
    for (Scenario.PoolSpec spec : scenario.pools()) {
      ObjectStore store = new ObjectStore(options.clock(), epoch);
      StandardMethods.installDerivers(store);
      Map<String, String> hosts = PoolBuilder.build(store, spec);
      stores.put(spec.name(), store);
      PoolRuntime pool =
          new PoolRuntime(
              spec.name(),
              store,
              new Sessions(store, users),
              StandardMethods.registry(),
              asyncWorkers);
      fleet.add(pool);
      Dispatcher dispatcher = new Dispatcher(pool);
      ImmutableList.Builder<HostEndpoint> hostEndpoints = ImmutableList.builder();
      String scheme = server.tls() ? "https" : "http";
      String masterUrl = "";
      for (Map.Entry<String, String> host : hosts.entrySet()) {
        int port = server.bind(dispatcher, host.getValue());
        String address = "127.0.0.1:" + port;
        store.set(XapiClass.HOST, host.getValue(), "address", address);
        boolean master = host.getValue().equals(pool.masterRef());
        String url = scheme + "://" + address;
        if (master) {
          masterUrl = url;
        }
        hostEndpoints.add(
            new HostEndpoint(
                host.getKey(), store.get(XapiClass.HOST, host.getValue()).uuid(), url, master));
      }
      pools.add(
          new PoolEndpoint(
              spec.name(),
              pool.pool().uuid(),
              masterUrl,
              admin.name(),
              admin.password(),
              server.fingerprint().orElse(""),
              hostEndpoints.build()));
    }
    HiddenWorld world = HiddenWorld.draw(scenario, stores);
    fleet.hide(world);
    for (PoolRuntime pool : fleet.pools()) {
      RrdUpdates.install(pool, world, options.clock(), epoch);
    }
    for (PoolRuntime pool : fleet.pools()) {
      for (SimulatorExtension extension : options.extensions()) {
        extension.install(pool, fleet);
      }
    }
    endpoints = new Endpoints(pools.build());
  }

  public Endpoints endpoints() {
    return endpoints;
  }

  public Fleet fleet() {
    return fleet;
  }

  public VirtualClock clock() {
    return options.clock();
  }

  public Scenario scenario() {
    return scenario;
  }

  /** The runtime of pool {@code name}, for in-process tests and extensions. */
  public PoolRuntime pool(String name) {
    return fleet.byName(name).orElseThrow(() -> new IllegalArgumentException("no pool " + name));
  }

  /** Writes the endpoints file (it holds passwords: owner-only permissions where supported). */
  public void writeEndpoints(Path file) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    byte[] json = mapper.writeValueAsBytes(endpoints);
    Files.write(file, json);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the file keeps the default permissions.
    }
  }

  @Override
  public void close() {
    server.close();
    asyncWorkers.shutdownNow();
  }
}

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
import io.xemigrate.simulator.wire.SelfSignedCertificate;
import io.xemigrate.simulator.workload.HiddenWorld;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A running simulator: every pool of a scenario with one endpoint per host, each on its own
 * loopback address (127.0.0.N) and all on one port, each with its own certificate. Start it with
 * {@link #start}, read {@link #endpoints()}, and {@link #close()} it when done.
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
  private Endpoints endpoints = new Endpoints(ImmutableList.of(), 0);

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
    } catch (RuntimeException e) {
      simulator.close();
      throw e;
    }
    return simulator;
  }

  /** One pool being opened: its runtime and its hosts (name to ref) with their listeners. */
  private record OpeningPool(
      Scenario.PoolSpec spec, PoolRuntime runtime, Map<String, HostListeners.Listener> hosts) {}

  private void open() {
    ImmutableList<User> users =
        scenario.users().stream()
            .map(u -> new User(u.name(), u.password(), Role.byWireName(u.role()).orElseThrow()))
            .collect(ImmutableList.toImmutableList());
    User admin =
        users.stream().filter(u -> u.role() == Role.POOL_ADMIN).findFirst().orElse(users.get(0));
    Instant epoch = scenario.epoch() == null ? options.epoch() : Instant.parse(scenario.epoch());
    List<OpeningPool> opening = new ArrayList<>();
    List<HostListeners.Listener> listeners = new ArrayList<>();
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
      Map<String, HostListeners.Listener> byName = new LinkedHashMap<>();
      for (Map.Entry<String, String> host : hosts.entrySet()) {
        String address = HostListeners.address(listeners.size(), options.ipv6Master());
        SelfSignedCertificate certificate =
            server.tls() ? SelfSignedCertificate.generate(host.getKey(), address) : null;
        HostListeners.Listener listener =
            new HostListeners.Listener(dispatcher, host.getValue(), address, certificate);
        listeners.add(listener);
        byName.put(host.getKey(), listener);
      }
      opening.add(new OpeningPool(spec, pool, byName));
    }
    int port = HostListeners.bindAll(server, listeners);
    ImmutableList.Builder<PoolEndpoint> pools = ImmutableList.builder();
    for (OpeningPool pool : opening) {
      pools.add(publish(pool, port, admin));
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
    endpoints = new Endpoints(pools.build(), port);
  }

  /** Sets each host's bare address and certificate record; returns the pool's endpoints. */
  private PoolEndpoint publish(OpeningPool opening, int port, User admin) {
    PoolRuntime pool = opening.runtime();
    ObjectStore store = pool.store();
    String scheme = server.tls() ? "https" : "http";
    ImmutableList.Builder<HostEndpoint> hostEndpoints = ImmutableList.builder();
    String masterUrl = "";
    String masterFingerprint = "";
    for (Map.Entry<String, HostListeners.Listener> host : opening.hosts().entrySet()) {
      HostListeners.Listener listener = host.getValue();
      store.set(XapiClass.HOST, listener.hostRef(), "address", listener.address());
      String fingerprint = "";
      if (listener.certificate() != null) {
        HostCertificates.publish(store, listener.hostRef(), listener.certificate());
        fingerprint = listener.certificate().fingerprint();
      }
      boolean master = listener.hostRef().equals(pool.masterRef());
      String url = scheme + "://" + HostListeners.hostPort(listener.address(), port);
      if (master) {
        masterUrl = url;
        masterFingerprint = fingerprint;
      }
      hostEndpoints.add(
          new HostEndpoint(
              host.getKey(),
              store.get(XapiClass.HOST, listener.hostRef()).uuid(),
              url,
              master,
              fingerprint));
    }
    return new PoolEndpoint(
        opening.spec().name(),
        pool.pool().uuid(),
        masterUrl,
        admin.name(),
        admin.password(),
        masterFingerprint,
        hostEndpoints.build());
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

package io.xemigrate.tests.crosscheck;

import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.Endpoints;
import io.xemigrate.simulator.Simulator;
import io.xemigrate.simulator.SimulatorOptions;
import io.xemigrate.simulator.migration.MigrationExtension;
import io.xemigrate.simulator.scenario.Scenario;
import io.xemigrate.simulator.scenario.ScenarioLoader;
import io.xemigrate.simulator.store.ObjectStore;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiRecord;
import io.xemigrate.xapi.ClientSettings;
import io.xemigrate.xapi.PasswordSource;
import io.xemigrate.xapi.PoolClient;
import io.xemigrate.xapi.TrustPolicy;
import io.xemigrate.xapi.XapiClients;
import io.xemigrate.xapi.model.PoolInventory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cross-check's world: one in-process simulator with the migration calls, serving {@code
 * crosscheck/cross-check.yaml} (two pools, one defect per host and per VM), a pinned-TLS client per
 * pool, and both inventories as the client loaded them. One world serves every row: rows only ask
 * (plan, assert_can_migrate, refused migrate_send), so nothing changes between them.
 */
final class CrossCheckWorld implements AutoCloseable {
  final Simulator simulator;
  private final MigrationExtension migration;
  final PoolClient source;
  final PoolClient destination;
  final PoolInventory sourceInventory;
  final PoolInventory destinationInventory;

  private CrossCheckWorld() {
    Scenario scenario = ScenarioLoader.parse("cross-check.yaml", resource("cross-check.yaml"));
    SimulatorOptions options = SimulatorOptions.manualClock();
    migration = MigrationExtension.of(scenario, options.clock());
    simulator = Simulator.start(scenario, options.withExtension(migration));
    patchWhatYamlCannotSay();
    source = connect(simulator.endpoints().pool("pool-a"));
    destination = connect(simulator.endpoints().pool("pool-b"));
    sourceInventory = source.loadInventory();
    destinationInventory = destination.loadInventory();
  }

  static CrossCheckWorld start() {
    return new CrossCheckWorld();
  }

  private static String resource(String name) {
    try (InputStream in = CrossCheckWorld.class.getResourceAsStream("/crosscheck/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static PoolClient connect(Endpoints.PoolEndpoint pool) {
    return XapiClients.connect(
        ClientSettings.login(
                pool.master(),
                pool.username(),
                PasswordSource.environment(
                    "XE_CROSSCHECK_PASSWORD", Map.of("XE_CROSSCHECK_PASSWORD", pool.password())))
            .withTrust(TrustPolicy.pinned(pool.tlsFingerprint())));
  }

  private void patchWhatYamlCannotSay() {
    ObjectStore a = store("pool-a");
    ObjectStore b = store("pool-b");
    a.set(
        XapiClass.HOST_METRICS,
        byName(a, XapiClass.HOST, "a5-down").string("metrics"),
        "live",
        false);
    XapiRecord dhcpNetwork = byName(b, XapiClass.NETWORK, "t-dhcp");
    b.set(XapiClass.PIF, dhcpNetwork.strings("PIFs").get(0), "ip_configuration_mode", "DHCP");
    // A default template: xapi refuses migrate_send only for those (§4.5 step 4); the planner
    // cannot tell default from custom templates (the model has no is_default_template).
    a.set(XapiClass.VM, byName(a, XapiClass.VM, "tmpl-01").ref(), "is_default_template", true);
    XapiRecord nonSuspendable = byName(a, XapiClass.VM, "nonsusp-01");
    a.set(
        XapiClass.VM_GUEST_METRICS,
        nonSuspendable.string("guest_metrics"),
        "other",
        ImmutableMap.of("data-cant-suspend-reason", "vGPU in use"));
  }

  ObjectStore store(String pool) {
    return simulator.pool(pool).store();
  }

  static XapiRecord byName(ObjectStore store, XapiClass cls, String name) {
    return store.where(cls, record -> name.equals(record.get("name_label"))).get(0);
  }

  /**
   * The UUID behind a reference of either pool. xapi names objects by reference in its errors; the
   * planner by UUID (references are per-session and mean nothing in a plan), so this is the one
   * place where the two vocabularies meet. {@code OpaqueRef:NULL} and non-references stay.
   */
  String normalise(String parameter) {
    if (!parameter.startsWith("OpaqueRef:") || parameter.equals("OpaqueRef:NULL")) {
      return parameter;
    }
    for (String pool : List.of("pool-a", "pool-b")) {
      for (XapiClass cls : XapiClass.values()) {
        Optional<XapiRecord> found = store(pool).find(cls, parameter);
        if (found.isPresent()) {
          return found.get().uuid();
        }
      }
    }
    return parameter;
  }

  @Override
  public void close() {
    source.close();
    destination.close();
    simulator.close();
    migration.close();
  }
}

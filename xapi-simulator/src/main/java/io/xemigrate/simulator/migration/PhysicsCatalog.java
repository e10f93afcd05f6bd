package io.xemigrate.simulator.migration;

import io.xemigrate.simulator.physics.Dirtying;
import io.xemigrate.simulator.rpc.PoolRuntime;
import io.xemigrate.simulator.scenario.Scenario;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiRecord;
import io.xemigrate.simulator.workload.HiddenWorld;
import io.xemigrate.simulator.workload.HostTraffic;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The physics figures of a scenario (bandwidth left on each NIC, SR throughput left, each VM's
 * hidden workload), which are part of no XenAPI record, keyed by the UUID of the object they belong
 * to. Filled from the scenario when a pool is installed; read through {@link PhysicsParameters}.
 */
final class PhysicsCatalog {
  private final Map<String, Double> pifMbit = new ConcurrentHashMap<>();
  private final Map<String, Double> srMbyte = new ConcurrentHashMap<>();
  private final Map<String, Dirtying> dirty = new ConcurrentHashMap<>();
  private volatile HiddenWorld world = HiddenWorld.empty();

  /** A busy SR still gives a migration at least this share of its throughput. */
  private static final double MIN_SR_SHARE = 0.2;

  /**
   * Reads the physics of {@code spec} and matches it to the objects built in {@code pool}: the
   * hidden workloads of {@code world} for the VMs; each NIC's nominal speed less the mean
   * background traffic of its host; each SR's throughput less the mean load of its running guests.
   */
  void load(PoolRuntime pool, Scenario.PoolSpec spec, HiddenWorld world) {
    this.world = world;
    PoolView view = new PoolView(pool.store());
    for (XapiRecord pif : view.store().all(XapiClass.PIF)) {
      if (pif.stringMap("other_config").containsKey(PhysicsParameters.PIF_BANDWIDTH)) {
        continue; // set by hand: PhysicsParameters reads it
      }
      double nominal =
          nominalMbit(spec, view, pif)
              .orElseGet(
                  () ->
                      view.find(XapiClass.PIF_METRICS, pif.string("metrics"))
                          .map(m -> (double) m.integer("speed"))
                          .filter(speed -> speed > 0)
                          .orElse(PhysicsParameters.DEFAULT_LINK_MBIT));
      double share =
          view.find(XapiClass.HOST, pif.string("host"))
              .flatMap(host -> world.host(host.uuid()))
              .map(HostTraffic::meanShare)
              .orElse(0.0);
      pifMbit.put(pif.uuid(), nominal * (1 - share));
    }
    if (spec.srs() != null) {
      for (Scenario.SrSpec sr : spec.srs()) {
        double nominal =
            sr.throughputMBps() == null
                ? PhysicsParameters.DEFAULT_SR_MBYTE
                : sr.throughputMBps().doubleValue();
        named(view, XapiClass.SR, sr.name())
            .ifPresent(
                r ->
                    srMbyte.put(
                        r.uuid(),
                        Math.max(
                            nominal * MIN_SR_SHARE,
                            nominal - world.srLoadBytesPerSecond(r.uuid()) / 1e6)));
      }
    }
    world.vms().forEach((uuid, workload) -> dirty.put(uuid, new ScaledWorkload(workload)));
  }

  private static Optional<Double> nominalMbit(
      Scenario.PoolSpec spec, PoolView view, XapiRecord pif) {
    Optional<XapiRecord> host = view.find(XapiClass.HOST, pif.string("host"));
    if (host.isEmpty()) {
      return Optional.empty();
    }
    String name = host.get().string("name_label");
    return spec.hosts().stream()
        .filter(h -> h.name().equals(name) && h.nics() != null)
        .flatMap(h -> h.nics().stream())
        .filter(nic -> nic.device().equals(pif.string("device")) && nic.bandwidthMbps() != null)
        .map(nic -> nic.bandwidthMbps().doubleValue())
        .findFirst();
  }

  /** The hidden world last loaded (empty for worlds built by hand). */
  HiddenWorld world() {
    return world;
  }

  private static Optional<XapiRecord> named(PoolView view, XapiClass cls, String name) {
    return view.store().where(cls, r -> r.string("name_label").equals(name)).stream().findFirst();
  }

  Optional<Double> pifMbit(String uuid) {
    return Optional.ofNullable(pifMbit.get(uuid));
  }

  Optional<Double> srMbyte(String uuid) {
    return Optional.ofNullable(srMbyte.get(uuid));
  }

  Optional<Dirtying> dirty(String uuid) {
    return Optional.ofNullable(dirty.get(uuid));
  }

  /** The hidden workload of VM {@code uuid} with its run-time changes, if it has one. */
  Optional<ScaledWorkload> workload(String uuid) {
    return dirty(uuid).filter(ScaledWorkload.class::isInstance).map(ScaledWorkload.class::cast);
  }
}

package io.xemigrate.simulator.migration;

import io.xemigrate.simulator.physics.DirtyProfile;
import io.xemigrate.simulator.rpc.PoolRuntime;
import io.xemigrate.simulator.scenario.Scenario;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiRecord;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The physics figures of a scenario (NIC bandwidth, SR throughput, dirty rate, working set), which
 * are part of no XenAPI record, keyed by the UUID of the object they belong to. Filled from the
 * scenario when a pool is installed; read through {@link PhysicsParameters}.
 */
final class PhysicsCatalog {
  private final Map<String, Double> pifMbit = new ConcurrentHashMap<>();
  private final Map<String, Double> srMbyte = new ConcurrentHashMap<>();
  private final Map<String, DirtyProfile> dirty = new ConcurrentHashMap<>();

  /** Reads the physics of {@code spec} and matches it to the objects built in {@code pool}. */
  void load(PoolRuntime pool, Scenario.PoolSpec spec) {
    PoolView view = new PoolView(pool.store());
    for (Scenario.HostSpec host : spec.hosts()) {
      Optional<XapiRecord> hostRecord = named(view, XapiClass.HOST, host.name());
      if (hostRecord.isEmpty() || host.nics() == null) {
        continue;
      }
      for (Scenario.NicSpec nic : host.nics()) {
        if (nic.bandwidthMbps() == null) {
          continue;
        }
        view.store()
            .where(
                XapiClass.PIF,
                pif ->
                    pif.string("host").equals(hostRecord.get().ref())
                        && pif.string("device").equals(nic.device()))
            .forEach(pif -> pifMbit.put(pif.uuid(), nic.bandwidthMbps().doubleValue()));
      }
    }
    if (spec.srs() != null) {
      for (Scenario.SrSpec sr : spec.srs()) {
        if (sr.throughputMBps() != null) {
          named(view, XapiClass.SR, sr.name())
              .ifPresent(r -> srMbyte.put(r.uuid(), sr.throughputMBps().doubleValue()));
        }
      }
    }
    if (spec.vms() != null) {
      for (Scenario.VmSpec vm : spec.vms()) {
        double rate = vm.dirtyRateMBps() == null ? 0 : vm.dirtyRateMBps() * 1e6;
        long workingSet =
            vm.writableWorkingSetMiB() == null
                ? Long.MAX_VALUE
                : vm.writableWorkingSetMiB() * MemoryArithmetic.MIB;
        named(view, XapiClass.VM, vm.name())
            .ifPresent(r -> dirty.put(r.uuid(), new DirtyProfile(rate, workingSet)));
      }
    }
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

  Optional<DirtyProfile> dirty(String uuid) {
    return Optional.ofNullable(dirty.get(uuid));
  }
}

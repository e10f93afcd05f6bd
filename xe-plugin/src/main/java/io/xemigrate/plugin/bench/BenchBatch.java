package io.xemigrate.plugin.bench;

import com.google.common.collect.ImmutableList;
import io.xemigrate.planner.predict.CalibrationObservations;
import io.xemigrate.planner.predict.DirtyProfile;
import io.xemigrate.planner.predict.DirtyRateEstimator;
import io.xemigrate.planner.predict.MoveDemand;
import io.xemigrate.planner.schedule.HostLink;
import io.xemigrate.planner.schedule.Topology;
import io.xemigrate.simulator.scenario.Scenario;
import io.xemigrate.storage.estimate.DiskCopyEstimator;
import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.PowerState;
import io.xemigrate.xapi.model.Vm;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario turned into the scheduler's input: every running VM on a disabled host moves to the
 * enabled host with the least memory committed so far (biggest VMs first, ties by host UUID).
 *
 * <p>The bench places the VMs itself rather than through {@code MigrationPlanner}: it measures time
 * and downtime, and its scenarios have no compatibility findings to explain. The physics the
 * predictor needs but no XenAPI record holds (dirty rate, writable working set, NIC bandwidth) come
 * from the scenario, as a calibrated journal would give them; populated memory comes from the
 * inventory ({@code memory_actual}), as in a real plan.
 *
 * @param name the scenario's name
 * @param moves the moves, in inventory order (VM UUID)
 * @param topology the links the moves use
 */
public record BenchBatch(String name, ImmutableList<MoveDemand> moves, Topology topology) {
  /** The simulator's default per-stream ceiling: 2 Gbit/s (migration-physics.md §4.1). */
  public static final double STREAM_CAP_BYTES_PER_SECOND = 2_000e6 / 8;

  private static final double DEFAULT_NIC_MBPS = 10_000;

  /** The batch of {@code scenario}, whose only pool's inventory is {@code inventory}. */
  public static BenchBatch of(Scenario scenario, PoolInventory inventory) {
    Scenario.PoolSpec pool = scenario.pools().get(0);
    Map<String, Scenario.VmSpec> specs = new HashMap<>();
    pool.vms().forEach(vm -> specs.put(vm.name(), vm));
    Map<String, Double> nicMbps = new HashMap<>();
    pool.hosts().forEach(host -> nicMbps.put(host.name(), nicMbps(host)));

    Map<String, HostLink> links = new HashMap<>();
    Map<String, Long> committed = new HashMap<>();
    List<Host> destinations = new ArrayList<>();
    for (Host host : inventory.hosts().values()) {
      double mbps = nicMbps.getOrDefault(host.nameLabel(), DEFAULT_NIC_MBPS);
      links.put(host.uuid(), new HostLink(host.uuid(), inventory.pool().uuid(), mbps * 1e6 / 8));
      if (host.enabled()) {
        destinations.add(host);
        committed.put(
            host.uuid(),
            inventory.residentOn(host.uuid()).stream()
                .mapToLong(DirtyRateEstimator::populatedMemory)
                .sum());
      }
    }
    if (destinations.isEmpty()) {
      throw new IllegalArgumentException("scenario " + scenario.name() + " has no enabled host");
    }
    destinations.sort(Comparator.comparing(Host::uuid));

    List<Vm> moving =
        inventory.guests().stream()
            .filter(vm -> vm.powerState() == PowerState.RUNNING)
            .filter(vm -> !inventory.host(vm.residentOnHostUuid()).orElseThrow().enabled())
            .sorted(
                Comparator.comparingLong(DirtyRateEstimator::populatedMemory)
                    .reversed()
                    .thenComparing(Vm::uuid))
            .toList();
    List<MoveDemand> moves = new ArrayList<>();
    for (Vm vm : moving) {
      long memory = DirtyRateEstimator.populatedMemory(vm);
      Host target =
          destinations.stream()
              .min(Comparator.comparingLong((Host host) -> committed.get(host.uuid())))
              .orElseThrow();
      committed.merge(target.uuid(), memory, Long::sum);
      moves.add(
          MoveDemand.memoryOnly(
              vm.uuid(),
              vm.residentOnHostUuid(),
              target.uuid(),
              memory,
              dirtyOf(specs.get(vm.nameLabel()), memory)));
    }
    moves.sort(Comparator.comparing(MoveDemand::vmUuid));
    Topology topology =
        new Topology(
            links,
            STREAM_CAP_BYTES_PER_SECOND,
            DiskCopyEstimator.defaults(),
            CalibrationObservations.none());
    return new BenchBatch(scenario.name(), ImmutableList.copyOf(moves), topology);
  }

  private static DirtyProfile dirtyOf(Scenario.VmSpec spec, long memory) {
    if (spec == null || spec.dirtyRateMBps() == null) {
      return DirtyProfile.NONE;
    }
    long workingSet =
        spec.writableWorkingSetMiB() == null ? memory : spec.writableWorkingSetMiB() << 20;
    return new DirtyProfile(spec.dirtyRateMBps() * 1e6, workingSet);
  }

  private static double nicMbps(Scenario.HostSpec host) {
    if (host.nics() == null
        || host.nics().isEmpty()
        || host.nics().get(0).bandwidthMbps() == null) {
      return DEFAULT_NIC_MBPS;
    }
    return host.nics().get(0).bandwidthMbps();
  }
}

package io.xemigrate.plugin.bench;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.xemigrate.planner.predict.CalibrationObservations;
import io.xemigrate.planner.predict.DirtyRateEstimator;
import io.xemigrate.planner.predict.MoveDemand;
import io.xemigrate.planner.predict.MoveDemands;
import io.xemigrate.planner.predict.MoveInterval;
import io.xemigrate.planner.predict.PrecopyModel;
import io.xemigrate.planner.schedule.InventoryTopology;
import io.xemigrate.planner.schedule.MoveIntervals;
import io.xemigrate.planner.schedule.PoolObservations;
import io.xemigrate.planner.schedule.Topology;
import io.xemigrate.storage.estimate.DiskCopy;
import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.Network;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.PowerState;
import io.xemigrate.xapi.model.Sr;
import io.xemigrate.xapi.model.Vdi;
import io.xemigrate.xapi.model.Vif;
import io.xemigrate.xapi.model.Vm;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scenario's pools turned into the scheduler's input. Every running VM on a <b>disabled</b> host
 * of the first pool moves to the enabled host (of the second pool when there is one: a cross-pool
 * move with its disks, {@code VM.migrate_send}; else of the same pool: {@code VM.pool_migrate})
 * with the least memory committed so far, biggest VMs first, ties by host UUID.
 *
 * <p>Everything the predictor uses comes from XenAPI records and RRD data, as in a real plan:
 * populated memory ({@code memory_actual}), NIC speeds from {@code PIF_metrics.speed} less the
 * traffic the RRDs showed, the journal's completed moves ({@link InventoryTopology}); the bench's
 * scenarios carry no hint. The bench places the VMs itself as xapi's evacuation does (xapi's {@code
 * ocaml/xapi/binpack.ml}, {@code biggest_fit_decreasing}: biggest VM first onto the host with the
 * most memory left; the bench's receiving hosts are alike, so the least committed is the one with
 * the most left); its scenarios have no compatibility findings to explain.
 *
 * @param name the scenario's name
 * @param moves the moves, in inventory order (VM UUID)
 * @param topology the links the moves use
 * @param crossPool how each cross-pool move is sent, by VM UUID (empty inside a pool)
 * @param intervals each move's p10-p50-p90 interval where its dirty rate is a prior ({@link
 *     MoveIntervals}), by VM UUID
 */
public record BenchBatch(
    String name,
    ImmutableList<MoveDemand> moves,
    Topology topology,
    ImmutableMap<String, CrossPoolMove> crossPool,
    ImmutableMap<String, MoveInterval> intervals) {

  /**
   * The maps of one {@code VM.migrate_send}.
   *
   * @param networkUuid the destination network {@code host.migrate_receive} is asked for
   * @param vdiMap each disk to its destination SR
   * @param vifMap each VIF to the destination network of the same name
   */
  public record CrossPoolMove(
      String networkUuid,
      ImmutableMap<String, String> vdiMap,
      ImmutableMap<String, String> vifMap) {}

  /** The batch of the scenario named {@code name} whose pools' inventories are {@code pools}. */
  public static BenchBatch of(String name, List<PoolInventory> pools) {
    return of(
        name,
        pools,
        PoolObservations.none(),
        CalibrationObservations.none(),
        PrecopyModel.xenDefaults());
  }

  /** As above, the topology lowered by what the pools' RRDs showed. */
  public static BenchBatch of(String name, List<PoolInventory> pools, PoolObservations observed) {
    return of(name, pools, observed, CalibrationObservations.none(), PrecopyModel.xenDefaults());
  }

  /**
   * As above, with a journal's history ({@code JournalCalibration}, as the coordinator reads it):
   * the topology fits it into per-VM dirtying and per-pair stream rates, the moves' dirtying is
   * read from the fit, and intervals are predicted with {@code model}.
   */
  public static BenchBatch of(
      String name,
      List<PoolInventory> pools,
      PoolObservations observed,
      CalibrationObservations calibration,
      PrecopyModel model) {
    boolean crossPool = pools.size() > 1;
    PoolInventory source = pools.get(0);
    PoolInventory destination = crossPool ? pools.get(1) : source;
    Map<String, Long> committed = new HashMap<>();
    List<Host> targets = new ArrayList<>();
    for (Host host : destination.hosts().values()) {
      if (host.enabled()) {
        targets.add(host);
        committed.put(
            host.uuid(),
            destination.residentOn(host.uuid()).stream()
                .mapToLong(DirtyRateEstimator::populatedMemory)
                .sum());
      }
    }
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("scenario " + name + " has no enabled host to move to");
    }
    targets.sort(Comparator.comparing(Host::uuid));
    List<Vm> moving =
        source.guests().stream()
            .filter(vm -> vm.powerState() == PowerState.RUNNING)
            .filter(vm -> !source.host(vm.residentOnHostUuid()).orElseThrow().enabled())
            .sorted(
                Comparator.comparingLong(DirtyRateEstimator::populatedMemory)
                    .reversed()
                    .thenComparing(Vm::uuid))
            .toList();
    List<String> networks = new ArrayList<>();
    for (PoolInventory pool : pools) {
      pool.managementNetwork().ifPresent(network -> networks.add(network.uuid()));
    }
    Topology topology =
        InventoryTopology.of(
            crossPool ? List.of(source, destination) : List.of(source),
            networks,
            calibration,
            observed);
    DirtyRateEstimator estimator = new DirtyRateEstimator(topology.calibration());
    MoveDemands demands = new MoveDemands(estimator);
    List<MoveDemand> moves = new ArrayList<>();
    ImmutableMap.Builder<String, CrossPoolMove> sends = ImmutableMap.builder();
    for (Vm vm : moving) {
      long memory = DirtyRateEstimator.populatedMemory(vm);
      Host target =
          targets.stream()
              .min(Comparator.comparingLong((Host host) -> committed.get(host.uuid())))
              .orElseThrow();
      committed.merge(target.uuid(), memory, Long::sum);
      List<DiskCopy> disks = new ArrayList<>();
      if (crossPool) {
        String sr = destinationSr(destination, target);
        ImmutableMap.Builder<String, String> vdiMap = ImmutableMap.builder();
        for (Vdi vdi : source.disksOf(vm)) {
          disks.add(DiskCopy.of(vdi, sr));
          vdiMap.put(vdi.uuid(), sr);
        }
        ImmutableMap.Builder<String, String> vifMap = ImmutableMap.builder();
        for (Vif vif : source.vifsOf(vm)) {
          vifMap.put(vif.uuid(), sameNetwork(source, destination, vif.networkUuid()));
        }
        sends.put(
            vm.uuid(),
            new CrossPoolMove(
                destination.managementNetwork().orElseThrow().uuid(),
                vdiMap.buildOrThrow(),
                vifMap.buildOrThrow()));
      }
      moves.add(demands.of(vm, target.uuid(), disks, crossPool, 0));
    }
    moves.sort(Comparator.comparing(MoveDemand::vmUuid));
    return new BenchBatch(
        name,
        ImmutableList.copyOf(moves),
        topology,
        sends.buildOrThrow(),
        MoveIntervals.of(moves, pools, estimator, topology, model));
  }

  /** The target host's own local SR when it has one, else the pool's default SR. */
  private static String destinationSr(PoolInventory pool, Host target) {
    Optional<Sr> local =
        pool.srs().values().stream()
            .filter(sr -> !sr.shared() && sr.visibleFrom(target.uuid()))
            .filter(sr -> sr.contentType().equals("user"))
            .findFirst();
    return local.map(Sr::uuid).orElse(pool.pool().defaultSrUuid());
  }

  private static String sameNetwork(PoolInventory from, PoolInventory to, String networkUuid) {
    String label = from.network(networkUuid).map(Network::nameLabel).orElse("");
    return to.networks().values().stream()
        .filter(network -> network.nameLabel().equals(label))
        .map(Network::uuid)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no network " + label + " in " + to));
  }
}

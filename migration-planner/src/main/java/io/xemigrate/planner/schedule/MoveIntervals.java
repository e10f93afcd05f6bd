package io.xemigrate.planner.schedule;

import com.google.common.collect.ImmutableMap;
import io.xemigrate.planner.predict.DirtyRateEstimator;
import io.xemigrate.planner.predict.DirtySource;
import io.xemigrate.planner.predict.IntervalPredictor;
import io.xemigrate.planner.predict.MoveDemand;
import io.xemigrate.planner.predict.MoveInterval;
import io.xemigrate.planner.predict.MovePredictor;
import io.xemigrate.planner.predict.PrecopyModel;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.Vm;
import java.util.List;
import java.util.Optional;

/**
 * A p10-p50-p90 interval on every move, as wide as what is unknown about it ({@link
 * IntervalPredictor}): a VM whose dirty rate is its kind's default (no hint, no earlier move) gets
 * a wide one, a VM fitted from the journal a narrow one; a host pair whose stream rate was measured
 * narrows it further. Each move is predicted alone at its solo rate on the topology.
 */
public final class MoveIntervals {
  private MoveIntervals() {}

  /** The intervals by VM UUID (moves of VMs not in {@code pools} get none). */
  public static ImmutableMap<String, MoveInterval> of(
      List<MoveDemand> moves,
      List<PoolInventory> pools,
      DirtyRateEstimator estimator,
      Topology topology,
      PrecopyModel model) {
    IntervalPredictor intervals =
        new IntervalPredictor(new MovePredictor(model, topology.storage()));
    ImmutableMap.Builder<String, MoveInterval> result = ImmutableMap.builder();
    for (MoveDemand move : moves) {
      Optional<Vm> vm = find(pools, move.vmUuid());
      if (vm.isEmpty()) {
        continue;
      }
      DirtySource source = estimator.estimate(vm.get(), move.memoryPopulatedBytes()).source();
      boolean measuredLink =
          topology
              .calibration()
              .streamBandwidth(move.sourceHostUuid(), move.destinationHostUuid())
              .isPresent();
      result.put(
          move.vmUuid(),
          intervals.interval(
              move,
              topology.soloRate(move),
              IntervalPredictor.dirtySpread(source),
              measuredLink
                  ? IntervalPredictor.MEASURED_LINK_SPREAD
                  : IntervalPredictor.ASSUMED_LINK_SPREAD));
    }
    return result.buildOrThrow();
  }

  private static Optional<Vm> find(List<PoolInventory> pools, String vmUuid) {
    return pools.stream().map(pool -> pool.vms().get(vmUuid)).filter(vm -> vm != null).findFirst();
  }
}

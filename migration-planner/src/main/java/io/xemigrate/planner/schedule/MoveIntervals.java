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
 * A p10-p50-p90 interval on every move whose dirty rate is unknown: no operator hint and no earlier
 * move of the VM, so the estimate is its kind's default (xapi shows no dirty rate). Each move is
 * predicted alone at its solo rate on the topology (NIC speeds less observed traffic).
 */
public final class MoveIntervals {
  private MoveIntervals() {}

  /** The intervals by VM UUID; moves with a known dirty rate get none. */
  public static ImmutableMap<String, MoveInterval> of(
      List<MoveDemand> moves,
      List<PoolInventory> pools,
      DirtyRateEstimator estimator,
      Topology topology,
      PrecopyModel model) {
    IntervalPredictor intervals =
        new IntervalPredictor(
            new MovePredictor(model, topology.storage()), IntervalPredictor.UNKNOWN_RATE_SPREAD);
    ImmutableMap.Builder<String, MoveInterval> result = ImmutableMap.builder();
    for (MoveDemand move : moves) {
      Optional<Vm> vm = find(pools, move.vmUuid());
      if (vm.isEmpty()) {
        continue;
      }
      DirtySource source = estimator.estimate(vm.get(), move.memoryPopulatedBytes()).source();
      if (source == DirtySource.DEFAULT_BY_KIND) {
        result.put(move.vmUuid(), intervals.interval(move, topology.soloRate(move)));
      }
    }
    return result.buildOrThrow();
  }

  private static Optional<Vm> find(List<PoolInventory> pools, String vmUuid) {
    return pools.stream().map(pool -> pool.vms().get(vmUuid)).filter(vm -> vm != null).findFirst();
  }
}

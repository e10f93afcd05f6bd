package io.xemigrate.plugin.bench;

import io.xemigrate.planner.predict.MoveDemand;
import io.xemigrate.planner.schedule.ConcurrencyLimits;
import io.xemigrate.planner.schedule.LowerBound;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The makespan bound of docs/migration-model.md#lower-bound computed from the simulator's truth
 * instead of predictions: each move's time alone (re-run by the simulator from the same start) is
 * the unit. The network and chain terms come from the simulator as they are; the slot term applies
 * the strategy's own limits (per sending host, {@code migrate_send} per sending host, per receiving
 * host, per SR, per pool, per batch) to the solo times.
 */
final class TruthBounds {
  private TruthBounds() {}

  /** The bound of {@code truth} under {@code limits}; {@code demands} by VM UUID. */
  static LowerBound of(
      SimulatorTruth.Bound truth, ConcurrencyLimits limits, Map<String, MoveDemand> demands) {
    Map<String, Double> leaving = new HashMap<>();
    Map<String, Double> migrateSend = new HashMap<>();
    Map<String, Double> entering = new HashMap<>();
    Map<String, Double> srs = new HashMap<>();
    double total = 0;
    for (SimulatorTruth.SoloMove move : truth.moves()) {
      MoveDemand demand = demands.get(move.vmUuid());
      if (demand == null) {
        continue;
      }
      double seconds = move.soloSeconds();
      leaving.merge(move.sourceHostUuid(), seconds, Double::sum);
      entering.merge(move.destinationHostUuid(), seconds, Double::sum);
      if (ConcurrencyLimits.isMigrateSend(demand)) {
        migrateSend.merge(move.sourceHostUuid(), seconds, Double::sum);
      }
      demand.disks().stream()
          .flatMap(disk -> Stream.of(disk.sourceSrUuid(), disk.destinationSrUuid()))
          .distinct()
          .forEach(sr -> srs.merge(sr, seconds, Double::sum));
      total += seconds;
    }
    double slot = 0;
    slot = Math.max(slot, busiest(leaving, limits.perSourceHost()));
    slot = Math.max(slot, busiest(migrateSend, limits.migrateSendPerSourceHost()));
    slot = Math.max(slot, busiest(entering, limits.perDestinationHost()));
    slot = Math.max(slot, busiest(srs, limits.perSr()));
    // The bench's batches leave one pool: the pool limit and the batch limit see every move.
    slot = Math.max(slot, perLimit(total, limits.perSourcePool()));
    slot = Math.max(slot, perLimit(total, limits.total()));
    return new LowerBound(truth.networkSeconds(), slot, truth.chainSeconds());
  }

  private static double busiest(Map<String, Double> work, int limit) {
    return work.values().stream().mapToDouble(w -> perLimit(w, limit)).max().orElse(0);
  }

  private static double perLimit(double work, int limit) {
    return limit > 0 ? work / limit : 0;
  }
}

package io.xemigrate.planner.schedule;

import io.xemigrate.planner.predict.MoveDemand;
import io.xemigrate.planner.predict.MovePrediction;
import io.xemigrate.planner.predict.PrecopyModel;
import java.util.List;
import java.util.Optional;

/**
 * The baselines, run through the same simulation as our schedules so the figures compare: moves in
 * inventory order, nothing exclusive, only the baseline's own concurrency limit.
 */
public final class Baselines {
  /** xapi's {@code evacuation_batch_size} default. */
  public static final int XAPI_EVACUATE_BATCH = 10;

  /** Xen Orchestra's {@code vmMigrationConcurrency} / {@code vmEvacuationConcurrency}. */
  public static final int XO_CONCURRENCY = 3;

  private Baselines() {}

  /** The limits a baseline runs under. */
  public static ConcurrencyLimits limitsOf(Strategy baseline) {
    return switch (baseline) {
      case XE_MIGRATE ->
          throw new IllegalArgumentException("xe-migrate is not a baseline: use Scheduler");
      case XAPI_EVACUATE ->
          new ConcurrencyLimits(
              XAPI_EVACUATE_BATCH, 3, 0, 0, 0, 0, ConcurrencyLimits.NO_FILL_LIMIT);
      case XO ->
          new ConcurrencyLimits(0, 3, 0, 0, XO_CONCURRENCY, 0, ConcurrencyLimits.NO_FILL_LIMIT);
      case SEQUENTIAL -> new ConcurrencyLimits(0, 3, 0, 0, 0, 1, ConcurrencyLimits.NO_FILL_LIMIT);
    };
  }

  /** How a baseline picks its next move, for the schedule's heuristic field. */
  public static String ruleOf(Strategy baseline) {
    return switch (baseline) {
      case XE_MIGRATE -> "not a baseline";
      case XAPI_EVACUATE -> "sliding window of 10 per sending host, inventory order";
      case XO -> "3 per pool, first come first served";
      case SEQUENTIAL -> "one at a time, inventory order";
    };
  }

  /** The schedule {@code baseline} produces for {@code moves} in inventory order. */
  public static Schedule run(
      Strategy baseline,
      List<MoveDemand> moves,
      Topology topology,
      PrecopyModel model,
      List<MovePrediction> solo) {
    ConcurrencyLimits limits = limitsOf(baseline);
    var queue = BatchSimulation.run(moves, new boolean[moves.size()], limits, topology, model);
    return new Schedule(
        baseline,
        ruleOf(baseline),
        queue,
        Scheduler.makespan(queue),
        LowerBounds.of(moves, solo, topology, limits),
        Optional.empty());
  }
}

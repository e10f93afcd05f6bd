package io.xemigrate.planner.schedule;

import io.xemigrate.planner.predict.MoveDemand;
import io.xemigrate.planner.predict.MovePrediction;
import io.xemigrate.planner.predict.PrecopyModel;
import java.util.List;
import java.util.Optional;

/**
 * The baselines, as the tools really run a batch, through the same simulation as our schedules so
 * the figures compare: moves in inventory order, nothing exclusive, only the tool's own limits
 * (docs/other-tools.md#the-bench-baselines).
 *
 * <ul>
 *   <li>{@code xapi-evacuate}: xapi's {@code host.evacuate} (xapi's {@code
 *       ocaml/xapi/xapi_host.ml}, {@code evacuate}) starts {@code VM.pool_migrate} for the first
 *       {@code batch_size} VMs of the evacuated host and one more each time a task ends: a sliding
 *       window of 10 per evacuated host ({@code evacuation_batch_size}, {@code
 *       ocaml/xapi/xapi_globs.ml}), with no limit on the receiving hosts. It moves VMs inside one
 *       pool only, so it does not apply to a batch across pools.
 *   <li>{@code xo}: Xen Orchestra clears a host with {@code host.evacuate} and a batch size of 3
 *       ({@code vmEvacuationConcurrency}); across pools it sends {@code VM.migrate_send} with at
 *       most 3 at a time per pool ({@code vmMigrationConcurrency}).
 *   <li>{@code sequential}: one move at a time.
 * </ul>
 *
 * Every strategy keeps xapi's own limit of 3 {@code migrate_send} per sending host.
 */
public final class Baselines {
  /** xapi's {@code evacuation_batch_size} default. */
  public static final int XAPI_EVACUATE_BATCH = 10;

  /** Xen Orchestra's {@code vmMigrationConcurrency} and {@code vmEvacuationConcurrency}. */
  public static final int XO_CONCURRENCY = 3;

  private Baselines() {}

  /** The limits a baseline runs under inside one pool. */
  public static ConcurrencyLimits limitsOf(Strategy baseline) {
    return limitsOf(baseline, false);
  }

  /** The limits a baseline runs under, inside one pool or across pools. */
  public static ConcurrencyLimits limitsOf(Strategy baseline, boolean acrossPools) {
    int migrateSend = ConcurrencyLimits.XAPI_MIGRATE_SEND_LIMIT;
    int unlimited = ConcurrencyLimits.NO_FILL_LIMIT;
    return switch (baseline) {
      case XE_MIGRATE ->
          throw new IllegalArgumentException("xe-migrate is not a baseline: use Scheduler");
      case XAPI_EVACUATE ->
          new ConcurrencyLimits(XAPI_EVACUATE_BATCH, migrateSend, 0, 0, 0, 0, unlimited);
      case XO ->
          acrossPools
              ? new ConcurrencyLimits(0, migrateSend, 0, 0, XO_CONCURRENCY, 0, unlimited)
              : new ConcurrencyLimits(XO_CONCURRENCY, migrateSend, 0, 0, 0, 0, unlimited);
      case SEQUENTIAL -> new ConcurrencyLimits(0, migrateSend, 0, 0, 0, 1, unlimited);
    };
  }

  /** How a baseline picks its next move, for the schedule's heuristic field. */
  public static String ruleOf(Strategy baseline, boolean acrossPools) {
    return switch (baseline) {
      case XE_MIGRATE -> "not a baseline";
      case XAPI_EVACUATE -> "host.evacuate: sliding window of 10 per evacuated host";
      case XO ->
          acrossPools
              ? "3 migrate_send at a time per pool"
              : "host.evacuate: sliding window of 3 per evacuated host";
      case SEQUENTIAL -> "one at a time, inventory order";
    };
  }

  /**
   * Whether the tool can run {@code moves} at all: {@code host.evacuate} only calls {@code
   * VM.pool_migrate}, so it cannot move a VM to another pool.
   */
  public static boolean appliesTo(Strategy baseline, List<MoveDemand> moves) {
    return switch (baseline) {
      case XAPI_EVACUATE -> !acrossPools(moves);
      case XE_MIGRATE, XO, SEQUENTIAL -> true;
    };
  }

  /** Whether any move of the batch leaves its pool. */
  public static boolean acrossPools(List<MoveDemand> moves) {
    return moves.stream().anyMatch(MoveDemand::crossPool);
  }

  /** The schedule {@code baseline} produces for {@code moves} in inventory order. */
  public static Schedule run(
      Strategy baseline,
      List<MoveDemand> moves,
      Topology topology,
      PrecopyModel model,
      List<MovePrediction> solo) {
    boolean acrossPools = acrossPools(moves);
    ConcurrencyLimits limits = limitsOf(baseline, acrossPools);
    var queue = BatchSimulation.run(moves, new boolean[moves.size()], limits, topology, model);
    return new Schedule(
        baseline,
        ruleOf(baseline, acrossPools),
        queue,
        Scheduler.makespan(queue),
        LowerBounds.of(moves, solo, topology, limits),
        Optional.empty());
  }
}

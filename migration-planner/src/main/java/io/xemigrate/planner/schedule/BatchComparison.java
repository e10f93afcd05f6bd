package io.xemigrate.planner.schedule;

import com.google.common.collect.ImmutableMap;
import io.xemigrate.planner.predict.MoveDemand;
import io.xemigrate.planner.predict.MovePrediction;
import java.util.List;

/**
 * Our schedule beside the three baselines, every one computed by the same simulation.
 *
 * @param figures each strategy's figures, in {@link Strategy} order
 */
public record BatchComparison(ImmutableMap<Strategy, StrategyFigures> figures) {

  /** Schedules {@code moves} (in inventory order) with every strategy. */
  public static BatchComparison of(
      List<MoveDemand> moves, Topology topology, SchedulerPolicy policy) {
    Scheduler scheduler = new Scheduler(topology, policy);
    List<MovePrediction> solo = scheduler.soloPredictions(moves);
    ImmutableMap.Builder<Strategy, StrategyFigures> figures = ImmutableMap.builder();
    for (Strategy strategy : Strategy.values()) {
      Schedule schedule =
          switch (strategy) {
            case XE_MIGRATE -> scheduler.schedule(moves);
            case XAPI_EVACUATE, XO, SEQUENTIAL ->
                Baselines.run(strategy, moves, topology, policy.model(), solo);
          };
      figures.put(strategy, StrategyFigures.of(schedule));
    }
    return new BatchComparison(figures.buildOrThrow());
  }

  /** Our figures. */
  public StrategyFigures ours() {
    return figures.get(Strategy.XE_MIGRATE);
  }

  /** The baseline with the shortest makespan (the one an administrator would pick today). */
  public Strategy bestBaseline() {
    Strategy best = Strategy.XAPI_EVACUATE;
    for (Strategy strategy : List.of(Strategy.XO, Strategy.SEQUENTIAL)) {
      if (figures.get(strategy).makespanSeconds() < figures.get(best).makespanSeconds()) {
        best = strategy;
      }
    }
    return best;
  }

  /** The best baseline's makespan over ours (above 1: we finish sooner). */
  public double makespanGain() {
    return figures.get(bestBaseline()).makespanSeconds() / ours().makespanSeconds();
  }

  /** The best baseline's total downtime over ours (above 1: our VMs pause less). */
  public double downtimeGain() {
    double ours = ours().totalDowntimeSeconds();
    return ours > 0 ? figures.get(bestBaseline()).totalDowntimeSeconds() / ours : 0;
  }
}

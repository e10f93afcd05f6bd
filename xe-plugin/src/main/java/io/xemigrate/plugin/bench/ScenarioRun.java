package io.xemigrate.plugin.bench;

import com.google.common.collect.ImmutableMap;
import io.xemigrate.planner.schedule.Strategy;

/**
 * One scenario of the bench: every strategy replayed, and our predictions scored.
 *
 * @param name the scenario's name
 * @param moves moves in the batch
 * @param predictionError our schedule's predictions against the truth of its replay
 * @param strategies every strategy's run, in {@link Strategy} order
 */
public record ScenarioRun(
    String name,
    int moves,
    PredictionErrors predictionError,
    ImmutableMap<Strategy, StrategyRun> strategies) {

  /** Our run. */
  public StrategyRun ours() {
    return strategies.get(Strategy.XE_MIGRATE);
  }

  /** The baseline with the shortest measured makespan. */
  public StrategyRun bestBaseline() {
    return strategies.values().stream()
        .filter(run -> run.strategy() != Strategy.XE_MIGRATE)
        .min(java.util.Comparator.comparingDouble(StrategyRun::makespanSeconds))
        .orElseThrow();
  }
}

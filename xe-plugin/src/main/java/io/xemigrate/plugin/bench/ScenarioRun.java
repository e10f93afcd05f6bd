package io.xemigrate.plugin.bench;

import com.google.common.collect.ImmutableMap;
import io.xemigrate.planner.schedule.Objective;
import io.xemigrate.planner.schedule.Strategy;
import java.util.Comparator;

/**
 * One pass of one scenario of the bench: every strategy replayed, and our predictions scored.
 *
 * @param name the scenario's name
 * @param pass cold (empty journal) or warm (after the same VMs moved once and back)
 * @param objective what our schedule favoured
 * @param moves moves in the batch
 * @param predictionError our schedule's predictions against the truth of its replay
 * @param strategies every strategy's run, in {@link Strategy} order; a baseline that cannot run the
 *     batch is absent ({@code xapi-evacuate} across pools)
 */
public record ScenarioRun(
    String name,
    BenchPass pass,
    Objective objective,
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
        .min(Comparator.comparingDouble(StrategyRun::makespanSeconds))
        .orElseThrow();
  }
}

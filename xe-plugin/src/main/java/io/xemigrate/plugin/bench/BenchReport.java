package io.xemigrate.plugin.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xemigrate.planner.schedule.Strategy;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bench's output: one plain-text table, or the JSON document of issue 6 with, per scenario
 * entry, the pass, the interval coverage and where the lower bound comes from (issue 16).
 */
public final class BenchReport {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The only source of the lower bound: the simulator's recorded truth. */
  static final String LOWER_BOUND_SOURCE = "truth";

  private BenchReport() {}

  /** One row per scenario, pass and strategy, then the prediction errors per scenario and pass. */
  public static String table(List<ScenarioRun> runs) {
    StringBuilder out = new StringBuilder();
    out.append(
        "| scenario | pass | strategy | makespan s | predicted s | lower bound s (truth) | ratio"
            + " | total downtime s | max downtime s | not converged | failed |\n");
    out.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (ScenarioRun run : runs) {
      for (StrategyRun strategy : run.strategies().values()) {
        out.append(
            format(
                "| %s | %s | %s | %.1f | %.1f | %.1f | %.2f | %.2f | %.2f | %d | %d |%n",
                run.name(),
                run.pass().label(),
                label(run, strategy),
                strategy.makespanSeconds(),
                strategy.schedule().makespanSeconds(),
                strategy.lowerBoundSeconds(),
                strategy.ratio(),
                strategy.totalDowntimeSeconds(),
                strategy.maxDowntimeSeconds(),
                strategy.nonConverged(),
                strategy.failed()));
      }
      StrategyRun best = run.bestBaseline();
      StrategyRun ours = run.ours();
      out.append(
          format(
              "| %s | %s | gain over best baseline (%s) | %.2fx | | | | %.2fx | | | |%n",
              run.name(),
              run.pass().label(),
              best.strategy().label(),
              best.makespanSeconds() / ours.makespanSeconds(),
              best.totalDowntimeSeconds() / ours.totalDowntimeSeconds()));
    }
    out.append("\nPrediction error of xe-migrate's schedule against the simulator's truth:\n\n");
    out.append(
        "| scenario | pass | moves | time error p50 | time error p90 | downtime error p90"
            + " | downtime error p90 / allowed | p10-p90 coverage |\n");
    out.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
    for (ScenarioRun run : runs) {
      PredictionErrors errors = run.predictionError();
      out.append(
          format(
              "| %s | %s | %d | %.1f %% | %.1f %% | %.0f ms | %.2f | %s |%n",
              run.name(),
              run.pass().label(),
              errors.compared(),
              errors.timeP50() * 100,
              errors.timeP90() * 100,
              errors.downtimeP90Ms(),
              errors.downtimeGoalP90(),
              errors.intervalCoverage().isPresent()
                  ? format(
                      "%.0f %% of %d",
                      errors.intervalCoverage().getAsDouble() * 100, errors.withInterval())
                  : "no interval"));
    }
    return out.toString();
  }

  private static String label(ScenarioRun run, StrategyRun strategy) {
    return strategy.strategy() == Strategy.XE_MIGRATE
        ? strategy.strategy().label() + " (" + run.objective().wireName() + ")"
        : strategy.strategy().label();
  }

  /**
   * {@code {"scenarios":[{"name","pass","objective","lowerBoundSource","intervalCoverage",
   * "predictionError":{…},"strategies":{…}}]}}; {@code intervalCoverage} is null when no move
   * carries an interval.
   */
  public static String json(List<ScenarioRun> runs) {
    List<Map<String, Object>> scenarios = runs.stream().map(BenchReport::scenarioJson).toList();
    try {
      return JSON.writeValueAsString(Map.of("scenarios", scenarios));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> scenarioJson(ScenarioRun run) {
    PredictionErrors prediction = run.predictionError();
    Map<String, Object> errors = new LinkedHashMap<>();
    errors.put("timeP50", round(prediction.timeP50()));
    errors.put("timeP90", round(prediction.timeP90()));
    errors.put("downtimeP90Ms", round(prediction.downtimeP90Ms()));
    errors.put("downtimeGoalP90", round(prediction.downtimeGoalP90()));
    errors.put("moves", prediction.compared());
    errors.put("movesWithInterval", prediction.withInterval());
    Map<String, Object> strategies = new LinkedHashMap<>();
    for (Map.Entry<Strategy, StrategyRun> entry : run.strategies().entrySet()) {
      StrategyRun strategy = entry.getValue();
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("makespanSeconds", round(strategy.makespanSeconds()));
      figures.put("lowerBoundSeconds", round(strategy.lowerBoundSeconds()));
      figures.put("totalDowntimeSeconds", round(strategy.totalDowntimeSeconds()));
      figures.put("maxDowntimeSeconds", round(strategy.maxDowntimeSeconds()));
      figures.put("nonConverged", strategy.nonConverged());
      strategies.put(entry.getKey().label(), figures);
    }
    Map<String, Object> scenario = new LinkedHashMap<>();
    scenario.put("name", run.name());
    scenario.put("pass", run.pass().label());
    scenario.put("objective", run.objective().wireName());
    scenario.put("lowerBoundSource", LOWER_BOUND_SOURCE);
    scenario.put(
        "intervalCoverage",
        prediction.intervalCoverage().isPresent()
            ? round(prediction.intervalCoverage().getAsDouble())
            : null);
    scenario.put("predictionError", errors);
    scenario.put("strategies", strategies);
    return scenario;
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  private static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }
}

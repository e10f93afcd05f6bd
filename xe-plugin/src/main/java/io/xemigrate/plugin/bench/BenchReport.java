package io.xemigrate.plugin.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xemigrate.planner.schedule.Strategy;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The bench's output: one plain-text table, or the JSON document of issue 6. */
public final class BenchReport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BenchReport() {}

  /** One row per scenario and strategy, then the prediction errors per scenario. */
  public static String table(List<ScenarioRun> runs) {
    StringBuilder out = new StringBuilder();
    out.append(
        "| scenario | strategy | makespan s | predicted s | lower bound s | ratio | total downtime s"
            + " | max downtime s | not converged | failed |\n");
    out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (ScenarioRun run : runs) {
      for (StrategyRun strategy : run.strategies().values()) {
        out.append(
            format(
                "| %s | %s | %.1f | %.1f | %.1f | %.2f | %.2f | %.2f | %d | %d |%n",
                run.name(),
                strategy.strategy().label(),
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
              "| %s | gain over best baseline (%s) | %.2fx | | | | %.2fx | | | |%n",
              run.name(),
              best.strategy().label(),
              best.makespanSeconds() / ours.makespanSeconds(),
              best.totalDowntimeSeconds() / ours.totalDowntimeSeconds()));
    }
    out.append("\nPrediction error of xe-migrate's schedule against the simulator's truth:\n\n");
    out.append(
        "| scenario | moves | time error p50 | time error p90 | downtime error p90 (under 1 s)"
            + " |\n");
    out.append("|---|---:|---:|---:|---:|\n");
    for (ScenarioRun run : runs) {
      PredictionErrors errors = run.predictionError();
      out.append(
          format(
              "| %s | %d | %.1f %% | %.1f %% | %.0f ms (%d moves) |%n",
              run.name(),
              errors.compared(),
              errors.timeP50() * 100,
              errors.timeP90() * 100,
              errors.downtimeP90Ms(),
              errors.downtimeCompared()));
    }
    return out.toString();
  }

  /** {@code {"scenarios":[{"name","predictionError":{…},"strategies":{…}}]}}. */
  public static String json(List<ScenarioRun> runs) {
    List<Map<String, Object>> scenarios = runs.stream().map(BenchReport::scenarioJson).toList();
    try {
      return JSON.writeValueAsString(Map.of("scenarios", scenarios));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> scenarioJson(ScenarioRun run) {
    Map<String, Object> errors = new LinkedHashMap<>();
    errors.put("timeP50", round(run.predictionError().timeP50()));
    errors.put("timeP90", round(run.predictionError().timeP90()));
    errors.put("downtimeP90Ms", round(run.predictionError().downtimeP90Ms()));
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

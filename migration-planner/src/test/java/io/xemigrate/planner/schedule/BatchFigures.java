package io.xemigrate.planner.schedule;

import java.util.List;
import java.util.Locale;

/**
 * Prints the README's table of figures for the generated batches. Run with {@code ./mvnw -q -pl
 * migration-planner -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.xemigrate.planner.schedule.BatchFigures}.
 */
public final class BatchFigures {
  private BatchFigures() {}

  /** Prints one row per scenario and strategy, as a Markdown table. */
  public static void main(String[] args) {
    List<BatchScenarios.Scenario> scenarios =
        List.of(
            BatchScenarios.hostEvacuationMixed(1),
            BatchScenarios.eightHostsAcrossPools(8),
            BatchScenarios.sixtyFourHosts(64));
    System.out.println(
        "| batch | strategy | makespan s | lower bound s | ratio | total downtime s |"
            + " max downtime s | not converged |");
    System.out.println("|---|---|---:|---:|---:|---:|---:|---:|");
    for (BatchScenarios.Scenario scenario : scenarios) {
      BatchComparison comparison =
          BatchComparison.of(scenario.moves(), scenario.topology(), SchedulerPolicy.defaults());
      for (Strategy strategy : Strategy.values()) {
        StrategyFigures f = comparison.figures().get(strategy);
        System.out.println(
            String.format(
                Locale.ROOT,
                "| %s | %s | %.0f | %.0f | %.2f | %.2f | %.2f | %d |",
                scenario.name(),
                strategy.label(),
                f.makespanSeconds(),
                f.lowerBoundSeconds(),
                f.ratio(),
                f.totalDowntimeSeconds(),
                f.maxDowntimeSeconds(),
                f.nonConverged()));
      }
      System.out.println(
          String.format(
              Locale.ROOT,
              "| %s | gain over best baseline (%s) | %.2fx | | | %.2fx | | |",
              scenario.name(),
              comparison.bestBaseline().label(),
              comparison.makespanGain(),
              comparison.downtimeGain()));
    }
  }
}

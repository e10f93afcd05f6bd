package io.xemigrate.tests.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xemigrate.planner.schedule.ScheduledMove;
import io.xemigrate.planner.schedule.SchedulerPolicy;
import io.xemigrate.planner.schedule.Strategy;
import io.xemigrate.plugin.bench.Bench;
import io.xemigrate.plugin.bench.BenchReport;
import io.xemigrate.plugin.bench.BenchScenarios;
import io.xemigrate.plugin.bench.ReplayedMove;
import io.xemigrate.plugin.bench.ScenarioRun;
import io.xemigrate.plugin.bench.StrategyRun;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bench on a tiny generated evacuation (4 VMs, one host to two) and a tiny cross-pool one (3
 * VMs with a disk each, {@code VM.migrate_send}): structure and invariants of the replay, never
 * timings.
 */
class BenchTest {
  private static ScenarioRun run;
  private static ScenarioRun acrossPools;

  @BeforeAll
  static void runTheBench() {
    Bench bench = new Bench(200, SchedulerPolicy.defaults());
    run = bench.run(BenchScenarios.tiny(4, 7));
    acrossPools = bench.run(BenchScenarios.tinyAcrossPools(3, 7));
  }

  @Test
  void crossPoolMovesCopyTheirDisksAndAllSucceed() {
    assertThat(acrossPools.moves()).isEqualTo(3);
    for (StrategyRun strategy : acrossPools.strategies().values()) {
      assertThat(strategy.failed()).isZero();
      assertThat(strategy.moves()).hasSize(3);
      // Storage motion first: each move predicted with its disk copy and measured longer than
      // its memory alone would take.
      assertThat(strategy.schedule().queue()).allMatch(move -> move.durationSeconds() > 0);
    }
    assertThat(acrossPools.predictionError().compared()).isEqualTo(3);
  }

  @Test
  void everyStrategyRunsEveryMoveExactlyOnce() {
    assertThat(run.strategies().keySet()).containsExactly(Strategy.values());
    for (StrategyRun strategy : run.strategies().values()) {
      Set<String> queued =
          strategy.schedule().queue().stream()
              .map(ScheduledMove::vmUuid)
              .collect(Collectors.toSet());
      assertThat(queued).hasSize(run.moves());
      assertThat(strategy.moves().keySet()).isEqualTo(queued);
      assertThat(strategy.moves().values()).allMatch(move -> move.failure().isEmpty());
      assertThat(strategy.failed()).isZero();
    }
  }

  @Test
  void truthIsConsistent() {
    for (StrategyRun strategy : run.strategies().values()) {
      for (ReplayedMove move : strategy.moves().values()) {
        assertThat(move.startSeconds()).isGreaterThanOrEqualTo(0);
        assertThat(move.downtimeSeconds()).isPositive().isLessThan(move.totalSeconds());
      }
      assertThat(strategy.makespanSeconds())
          .isEqualTo(
              strategy.moves().values().stream()
                  .mapToDouble(ReplayedMove::endSeconds)
                  .max()
                  .orElseThrow());
      assertThat(strategy.maxDowntimeSeconds())
          .isLessThanOrEqualTo(strategy.totalDowntimeSeconds());
    }
  }

  @Test
  void makespansAreAtLeastTheLowerBound() {
    // The bound is computed with the predictor's model; its fixed costs are the predictor's own
    // assumptions, which the independent simulator need not share to the second: the measured
    // makespan may undercut the bound by at most one setup per move.
    double setupSlack = run.moves() * SchedulerPolicy.defaults().model().setupSeconds();
    for (StrategyRun strategy : run.strategies().values()) {
      assertThat(strategy.schedule().makespanSeconds())
          .isGreaterThanOrEqualTo(strategy.lowerBoundSeconds() - 1e-6);
      assertThat(strategy.makespanSeconds())
          .isGreaterThanOrEqualTo(strategy.lowerBoundSeconds() - setupSlack);
    }
  }

  @Test
  void sequentialRunsOneMoveAtATime() {
    List<ReplayedMove> moves =
        run.strategies().get(Strategy.SEQUENTIAL).moves().values().stream()
            .sorted(java.util.Comparator.comparingDouble(ReplayedMove::startSeconds))
            .toList();
    for (int i = 1; i < moves.size(); i++) {
      assertThat(moves.get(i).startSeconds()).isGreaterThanOrEqualTo(moves.get(i - 1).endSeconds());
    }
  }

  @Test
  void jsonHasTheDocumentedShape() throws Exception {
    JsonNode json = new ObjectMapper().readTree(BenchReport.json(List.of(run)));

    JsonNode scenario = json.get("scenarios").get(0);
    assertThat(scenario.get("name").asText()).isEqualTo(run.name());
    assertThat(scenario.get("predictionError").fieldNames())
        .toIterable()
        .containsExactly("timeP50", "timeP90", "downtimeP90Ms");
    assertThat(scenario.get("strategies").fieldNames())
        .toIterable()
        .containsExactly("xe-migrate", "xapi-evacuate", "xo", "sequential");
    assertThat(scenario.get("strategies").get("xo").fieldNames())
        .toIterable()
        .containsExactly(
            "makespanSeconds",
            "lowerBoundSeconds",
            "totalDowntimeSeconds",
            "maxDowntimeSeconds",
            "nonConverged");
    assertThat(BenchReport.table(List.of(run))).contains(run.name(), "xe-migrate", "sequential");
  }
}

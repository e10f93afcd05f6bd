package io.xemigrate.tests.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.xemigrate.planner.schedule.ScheduledMove;
import io.xemigrate.planner.schedule.SchedulerPolicy;
import io.xemigrate.planner.schedule.Strategy;
import io.xemigrate.plugin.bench.Bench;
import io.xemigrate.plugin.bench.BenchPass;
import io.xemigrate.plugin.bench.BenchReport;
import io.xemigrate.plugin.bench.BenchScenarios;
import io.xemigrate.plugin.bench.PredictionErrors;
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
 * VMs with a disk each, {@code VM.migrate_send}), each cold then warm: structure and invariants of
 * the replay, never timings.
 */
class BenchTest {
  private static ScenarioRun run;
  private static ScenarioRun warm;
  private static ScenarioRun acrossPools;
  private static ScenarioRun acrossPoolsWarm;

  @BeforeAll
  static void runTheBench() {
    Bench bench = new Bench(200, SchedulerPolicy.defaults());
    List<ScenarioRun> inside = bench.run(BenchScenarios.tiny(4, 7));
    run = inside.get(0);
    warm = inside.get(1);
    List<ScenarioRun> across = bench.run(BenchScenarios.tinyAcrossPools(3, 7));
    acrossPools = across.get(0);
    acrossPoolsWarm = across.get(1);
  }

  @Test
  void eachScenarioRunsColdThenWarmAndTheBaselinesRunOnce() {
    assertThat(List.of(run.pass(), warm.pass())).containsExactly(BenchPass.COLD, BenchPass.WARM);
    assertThat(List.of(acrossPools.pass(), acrossPoolsWarm.pass()))
        .containsExactly(BenchPass.COLD, BenchPass.WARM);
    // The baselines read no journal: the warm entry shows their cold runs; ours is replayed again.
    for (Strategy baseline : List.of(Strategy.XAPI_EVACUATE, Strategy.XO, Strategy.SEQUENTIAL)) {
      assertThat(warm.strategies().get(baseline)).isSameAs(run.strategies().get(baseline));
    }
    assertThat(warm.ours()).isNotSameAs(run.ours());
    assertThat(warm.ours().failed()).isZero();
    assertThat(warm.predictionError().compared()).isEqualTo(4);
  }

  @Test
  void hostEvacuateIsNoBaselineAcrossPools() {
    assertThat(acrossPools.strategies().keySet())
        .containsExactly(Strategy.XE_MIGRATE, Strategy.XO, Strategy.SEQUENTIAL);
  }

  @Test
  void everyColdMoveWithoutHistoryCarriesAnIntervalAndItsCoverageIsAShare() {
    PredictionErrors errors = run.predictionError();

    assertThat(errors.withInterval()).isEqualTo(4);
    assertThat(errors.intervalCoverage()).isPresent();
    assertThat(errors.intervalCoverage().getAsDouble()).isBetween(0.0, 1.0);
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
  void measuredMakespansAreAtLeastTheTruthsLowerBound() {
    // The bound re-runs each recorded move alone from its real start: sharing only slows a move,
    // so no replay can beat it.
    for (ScenarioRun scenario : List.of(run, warm, acrossPools, acrossPoolsWarm)) {
      for (StrategyRun strategy : scenario.strategies().values()) {
        assertThat(strategy.lowerBoundSeconds()).isPositive();
        assertThat(strategy.makespanSeconds())
            .isGreaterThanOrEqualTo(strategy.lowerBoundSeconds() * (1 - 1e-9) - 1e-6);
      }
    }
    // One at a time: the bound is the sum of the solo times, which the replay nearly reaches.
    StrategyRun sequential = run.strategies().get(Strategy.SEQUENTIAL);
    assertThat(sequential.truthBound().slotSeconds()).isEqualTo(sequential.lowerBoundSeconds());
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
    JsonNode json = new ObjectMapper().readTree(BenchReport.json(List.of(run, warm)));

    JsonNode scenario = json.get("scenarios").get(0);
    assertThat(scenario.fieldNames())
        .toIterable()
        .containsExactly(
            "name",
            "pass",
            "objective",
            "lowerBoundSource",
            "intervalCoverage",
            "predictionError",
            "strategies");
    assertThat(scenario.get("name").asText()).isEqualTo(run.name());
    assertThat(scenario.get("pass").asText()).isEqualTo("cold");
    assertThat(json.get("scenarios").get(1).get("pass").asText()).isEqualTo("warm");
    assertThat(scenario.get("objective").asText()).isEqualTo("balanced");
    assertThat(scenario.get("lowerBoundSource").asText()).isEqualTo("truth");
    assertThat(scenario.get("intervalCoverage").asDouble())
        .isEqualTo(
            Math.round(run.predictionError().intervalCoverage().getAsDouble() * 1000) / 1000.0);
    assertThat(scenario.get("predictionError").fieldNames())
        .toIterable()
        .containsExactly(
            "timeP50", "timeP90", "downtimeP90Ms", "downtimeGoalP90", "moves", "movesWithInterval");
    assertThat(scenario.get("predictionError").get("moves").asInt()).isEqualTo(4);
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

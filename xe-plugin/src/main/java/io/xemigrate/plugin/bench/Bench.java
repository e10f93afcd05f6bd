package io.xemigrate.plugin.bench;

import com.google.common.collect.ImmutableMap;
import io.xemigrate.planner.predict.MovePrediction;
import io.xemigrate.planner.schedule.Baselines;
import io.xemigrate.planner.schedule.Schedule;
import io.xemigrate.planner.schedule.Scheduler;
import io.xemigrate.planner.schedule.SchedulerPolicy;
import io.xemigrate.planner.schedule.Strategy;
import io.xemigrate.simulator.scenario.Scenario;
import java.util.List;

/**
 * The scenario benchmark: for one scenario, plan the batch, schedule it with xe-migrate and the
 * three baselines, replay each schedule in a fresh simulator (same start state) and compare.
 */
public final class Bench {
  /** Wall time one replay aims at, in seconds. */
  static final double TARGET_REAL_SECONDS = 60;

  /** The fastest replay: beyond it call latency would dominate the measured makespan. */
  static final double MAX_SPEED = 1000;

  private final double speed;
  private final SchedulerPolicy policy;

  /**
   * @param speed virtual seconds per real second in the simulator (the replay's calls take real
   *     time, so a higher speed adds more virtual delay between a move's end and its successor's
   *     start; per-move truth is unaffected)
   * @param policy the scheduler policy (its model is the predictor's)
   */
  public Bench(double speed, SchedulerPolicy policy) {
    this.speed = speed;
    this.policy = policy;
  }

  /**
   * The speed of one replay: at least {@code speed}, faster when the predicted makespan would take
   * more than {@link #TARGET_REAL_SECONDS} of wall time (the long baselines of the big batches).
   * Each dependency hop (the end event reaching the shared watch, the calls that start the next
   * move) costs about 15 ms of real time, so speed × 15 ms of virtual idle time per hop (measured,
   * xe-plugin README); at 1000× the simulator's physics itself lags and per-move truth drifts.
   */
  private double replaySpeed(Schedule schedule) {
    return Math.min(MAX_SPEED, Math.max(speed, schedule.makespanSeconds() / TARGET_REAL_SECONDS));
  }

  /** How much RRD history the planner reads before planning: the last 10 minutes. */
  static final long OBSERVATION_WINDOW_SECONDS = 600;

  /** Runs every strategy on {@code scenario}. */
  public ScenarioRun run(Scenario scenario) {
    BenchBatch batch;
    try (SimulatedPool pool = SimulatedPool.start(scenario, speed)) {
      batch =
          BenchBatch.of(
              scenario.name(), pool.inventories(), pool.observations(OBSERVATION_WINDOW_SECONDS));
    }
    Scheduler scheduler = new Scheduler(batch.topology(), policy);
    List<MovePrediction> solo = scheduler.soloPredictions(batch.moves());
    ImmutableMap.Builder<Strategy, StrategyRun> runs = ImmutableMap.builder();
    for (Strategy strategy : Strategy.values()) {
      Schedule schedule =
          switch (strategy) {
            case XE_MIGRATE -> scheduler.schedule(batch.moves());
            case XAPI_EVACUATE, XO, SEQUENTIAL ->
                Baselines.run(strategy, batch.moves(), batch.topology(), policy.model(), solo);
          };
      try (SimulatedPool pool = SimulatedPool.start(scenario, replaySpeed(schedule))) {
        runs.put(
            strategy,
            new StrategyRun(
                strategy,
                schedule,
                new ScheduleReplayer(
                        pool.client(), pool.destination(), batch.crossPool(), pool.migrations())
                    .replay(schedule)));
      }
    }
    ImmutableMap<Strategy, StrategyRun> strategies = runs.buildOrThrow();
    StrategyRun ours = strategies.get(Strategy.XE_MIGRATE);
    return new ScenarioRun(
        batch.name(),
        batch.moves().size(),
        PredictionErrors.of(ours.schedule(), ours.moves()),
        strategies);
  }
}

package io.xemigrate.plugin.bench;

import com.google.common.collect.ImmutableMap;
import io.xemigrate.coordinator.journal.Journal;
import io.xemigrate.coordinator.planning.JournalCalibration;
import io.xemigrate.planner.predict.MoveDemand;
import io.xemigrate.planner.predict.MovePrediction;
import io.xemigrate.planner.schedule.Baselines;
import io.xemigrate.planner.schedule.ConcurrencyLimits;
import io.xemigrate.planner.schedule.Objective;
import io.xemigrate.planner.schedule.Schedule;
import io.xemigrate.planner.schedule.Scheduler;
import io.xemigrate.planner.schedule.SchedulerPolicy;
import io.xemigrate.planner.schedule.Strategy;
import io.xemigrate.simulator.scenario.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The scenario benchmark. Each scenario runs twice, with a journal of its own: cold (empty journal)
 * and warm (after the batch's VMs moved once and back, recorded in the journal, which the warm plan
 * reads as every plan does). Each pass plans the batch from what the pools show, schedules it with
 * xe-migrate and (cold) the baselines that apply, replays every schedule in a fresh simulator (same
 * start state) and compares with the simulator's truth, read from its control endpoint. The warm
 * pass replays only our schedule: the baselines read no journal, so their cold runs stand.
 */
public final class Bench {
  /** Wall time one replay aims at, in seconds. */
  static final double TARGET_REAL_SECONDS = 60;

  /** The fastest replay: beyond it call latency would dominate the measured makespan. */
  static final double MAX_SPEED = 1000;

  /** How much RRD history the planner reads before planning: the last 10 minutes. */
  static final long OBSERVATION_WINDOW_SECONDS = 600;

  private final double speed;
  private final SchedulerPolicy policy;
  private final Objective objective;

  /** A bench of today's default objective ({@link Objective#BALANCED}). */
  public Bench(double speed, SchedulerPolicy policy) {
    this(speed, policy, Objective.BALANCED);
  }

  /**
   * @param speed virtual seconds per real second in the simulator (the replay's calls take real
   *     time, so a higher speed adds more virtual delay between a move's end and its successor's
   *     start; per-move truth is unaffected)
   * @param policy the scheduler policy (its model is the predictor's)
   * @param objective what our schedule favours ({@code objective=})
   */
  public Bench(double speed, SchedulerPolicy policy, Objective objective) {
    this.speed = speed;
    this.policy = policy;
    this.objective = objective;
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

  /** Runs {@code scenario} cold, then warm. */
  public List<ScenarioRun> run(Scenario scenario) {
    Path directory;
    try {
      directory = Files.createTempDirectory("xe-migrate-bench-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (Journal journal = Journal.open(directory.resolve("journal.db"), Clock.systemUTC())) {
      ScenarioRun cold = pass(scenario, BenchPass.COLD, journal, ImmutableMap.of());
      ScenarioRun warm = pass(scenario, BenchPass.WARM, journal, cold.strategies());
      return List.of(cold, warm);
    } finally {
      deleteQuietly(directory);
    }
  }

  private ScenarioRun pass(
      Scenario scenario, BenchPass pass, Journal journal, Map<Strategy, StrategyRun> before) {
    BenchBatch batch;
    try (SimulatedPool pool = SimulatedPool.start(scenario, speed)) {
      batch =
          BenchBatch.of(
              scenario.name(),
              pool.inventories(),
              pool.observations(OBSERVATION_WINDOW_SECONDS),
              JournalCalibration.of(journal.completedMoves()),
              policy.model());
    }
    Scheduler scheduler = new Scheduler(batch.topology(), policy, objective);
    Map<String, MoveDemand> demands =
        batch.moves().stream().collect(Collectors.toMap(MoveDemand::vmUuid, Function.identity()));
    ImmutableMap.Builder<Strategy, StrategyRun> runs = ImmutableMap.builder();
    Schedule ours = scheduler.schedule(batch.moves());
    StrategyRun ourRun =
        replay(
            scenario,
            batch,
            Strategy.XE_MIGRATE,
            ours,
            objective.limit(policy).limits(),
            demands,
            pass == BenchPass.COLD
                ? Optional.of(new History(journal, scheduler))
                : Optional.empty());
    runs.put(Strategy.XE_MIGRATE, ourRun);
    boolean acrossPools = Baselines.acrossPools(batch.moves());
    List<MovePrediction> solo = scheduler.soloPredictions(batch.moves());
    for (Strategy baseline : baselines(batch)) {
      StrategyRun earlier = before.get(baseline);
      if (earlier != null) {
        runs.put(baseline, earlier);
        continue;
      }
      Schedule schedule =
          Baselines.run(baseline, batch.moves(), batch.topology(), policy.model(), solo);
      runs.put(
          baseline,
          replay(
              scenario,
              batch,
              baseline,
              schedule,
              Baselines.limitsOf(baseline, acrossPools),
              demands,
              Optional.empty()));
    }
    return new ScenarioRun(
        batch.name(),
        pass,
        objective,
        batch.moves().size(),
        PredictionErrors.of(ours, ourRun.moves(), batch.intervals()),
        runs.buildOrThrow());
  }

  /** The baselines that can run {@code batch}, in {@link Strategy} order. */
  private static List<Strategy> baselines(BenchBatch batch) {
    return Stream.of(Strategy.values())
        .filter(strategy -> strategy != Strategy.XE_MIGRATE)
        .filter(strategy -> Baselines.appliesTo(strategy, batch.moves()))
        .toList();
  }

  /** Where the cold pass of our schedule leaves its history: the journal, and how to plan back. */
  private record History(Journal journal, Scheduler scheduler) {}

  private StrategyRun replay(
      Scenario scenario,
      BenchBatch batch,
      Strategy strategy,
      Schedule schedule,
      ConcurrencyLimits limits,
      Map<String, MoveDemand> demands,
      Optional<History> history) {
    try (SimulatedPool pool = SimulatedPool.start(scenario, replaySpeed(schedule))) {
      ImmutableMap<String, ReplayedMove> moves =
          new ScheduleReplayer(pool.client(), pool.destination(), batch.crossPool(), pool.truth())
              .replay(schedule);
      // The bound before any move back: it re-runs every recorded migration alone.
      StrategyRun run =
          new StrategyRun(
              strategy, schedule, moves, TruthBounds.of(pool.truth().bound(), limits, demands));
      history.ifPresent(
          h -> {
            BenchHistory.record(h.journal(), BenchHistory.OUT, batch.moves(), moves);
            BenchHistory.moveBack(pool, batch, h.scheduler(), h.journal());
          });
      return run;
    }
  }

  private static void deleteQuietly(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A temporary directory left behind is harmless; the bench's figures are already taken.
    }
  }
}

package io.xemigrate.plugin.cli;

import com.google.common.collect.ImmutableSet;
import io.xemigrate.planner.schedule.Objective;
import io.xemigrate.planner.schedule.SchedulerPolicy;
import io.xemigrate.plugin.bench.BalanceBench;
import io.xemigrate.plugin.bench.Bench;
import io.xemigrate.plugin.bench.BenchReport;
import io.xemigrate.plugin.bench.BenchScenarios;
import io.xemigrate.plugin.bench.ScenarioRun;
import io.xemigrate.simulator.scenario.Scenario;
import io.xemigrate.simulator.scenario.ScenarioException;
import io.xemigrate.simulator.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bench}: replays xe-migrate's schedule and the baselines in the simulator, each scenario
 * cold then warm, and prints makespan, the truth's lower bound, downtime and prediction errors. Not
 * part of {@code verify}.
 */
final class BenchCommand implements Command {
  private static final int DEFAULT_LARGE_VMS = 2000;

  /** The largest drain the bench builds (ten times the default). */
  private static final long MAX_LARGE_VMS = 20_000;

  /**
   * Virtual seconds per real second. Low, because every dependency hop of a replay costs speed ×
   * (call latency) of idle virtual time, more on a loaded machine; long replays go faster (Bench).
   */
  private static final double DEFAULT_SPEED = 5;

  @Override
  public String name() {
    return "bench";
  }

  @Override
  public String summary() {
    return "Benchmark our schedule and the baselines in the simulator";
  }

  @Override
  public String synopsis() {
    return "bench [scenario=FILE] [only=mixed|cross-pool|large|balance] [speed=N]"
        + " [large-vms=N (0: leave the large drain out)] [seed=N]"
        + " [objective=makespan|downtime|balanced] [--json]";
  }

  @Override
  public ImmutableSet<String> keys() {
    return ImmutableSet.of("scenario", "only", "speed", "large-vms", "seed", "objective");
  }

  @Override
  public ExitCode run(Arguments arguments, Console console) {
    double speed = Parameters.speed(arguments.optional("speed").orElse("" + DEFAULT_SPEED));
    Objective objective = Parameters.objective(arguments.optional("objective"));
    long seed =
        Parameters.wholeInRange("seed", arguments.optional("seed").orElse("42"), 0, Long.MAX_VALUE);
    int largeVms =
        (int)
            Parameters.wholeInRange(
                "large-vms",
                arguments.optional("large-vms").orElse("" + DEFAULT_LARGE_VMS),
                0,
                MAX_LARGE_VMS);
    List<Scenario> suite = new ArrayList<>();
    if (arguments.optional("scenario").isPresent()) {
      try {
        suite.add(ScenarioLoader.load(Path.of(arguments.required("scenario"))));
      } catch (ScenarioException e) {
        console.error(e.getMessage());
        return ExitCode.BAD_INPUT;
      }
    } else {
      String only = arguments.optional("only").orElse("");
      if (only.equals("balance")) {
        double balanceSpeed =
            arguments.optional("speed").isPresent() ? speed : BalanceBench.DEFAULT_SPEED;
        return BalanceBenchOutput.print(new BalanceBench(balanceSpeed, seed).run(), console);
      }
      if (!List.of("", "mixed", "cross-pool", "large").contains(only)) {
        console.error("only=" + only + " is not a suite scenario: use mixed, cross-pool or large");
        return ExitCode.BAD_INPUT;
      }
      if (only.isEmpty() || only.equals("mixed")) {
        suite.add(BenchScenarios.mixedEvacuation(seed));
      }
      if (only.isEmpty() || only.equals("cross-pool")) {
        suite.add(BenchScenarios.eightHostsAcrossPools(seed));
      }
      if ((only.isEmpty() || only.equals("large")) && largeVms > 0) {
        suite.add(BenchScenarios.largeDrain(largeVms, seed));
      }
    }
    Bench bench = new Bench(speed, SchedulerPolicy.defaults(), objective);
    List<ScenarioRun> runs = new ArrayList<>();
    for (Scenario scenario : suite) {
      if (!console.json()) {
        console.err().println("bench: " + scenario.name() + " ...");
      }
      runs.addAll(bench.run(scenario));
    }
    console.line(console.json() ? BenchReport.json(runs) : BenchReport.table(runs));
    return ExitCode.DONE;
  }
}

package io.xemigrate.plugin.cli;

import com.google.common.collect.ImmutableSet;
import io.xemigrate.coordinator.planning.BalanceParameters;
import io.xemigrate.coordinator.planning.BalancePlanning;
import io.xemigrate.coordinator.planning.PlanScheduler;
import io.xemigrate.coordinator.pools.PoolProfile;
import io.xemigrate.planner.Finding;
import io.xemigrate.planner.balance.BalanceResult;
import io.xemigrate.planner.balance.HostLoad;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.PlanHash;
import io.xemigrate.planner.plan.PlanJson;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code pool-balance-plan pool= mode=}: reads the pool's load from its RRDs over {@code window=},
 * chooses the moves inside the pool that bring every host under the thresholds with the fewest
 * bytes (performance) or empty the most hosts (density), and writes them as an ordinary plan to
 * {@code out=}, checked, mapped, scheduled and predicted like any other.
 */
final class PoolBalancePlanCommand implements Command {
  @Override
  public String name() {
    return "pool-balance-plan";
  }

  @Override
  public String summary() {
    return "Plan moves that balance a pool's load or empty hosts; write the plan to a file";
  }

  @Override
  public String synopsis() {
    return "pool-balance-plan pool=<pool> mode=performance|density [cpu-threshold=PERCENT]"
        + " [memory-threshold=PERCENT] [max-moves=N] [window=DURATION] [rules=FILE]"
        + " out=plan.json [pools=FILE] [--json]";
  }

  @Override
  public ImmutableSet<String> keys() {
    return ImmutableSet.<String>builder()
        .add("pool", "rules", "out")
        .addAll(BalanceParameters.KEYS)
        .addAll(PoolParameters.KEYS)
        .build();
  }

  /**
   * {@code --json}: where the plan went and the balance's figures.
   *
   * @param plan the plan file, {@code ""} when nothing is to move (no file written)
   * @param hash the plan's hash, {@code ""} when none
   */
  record Written(
      String plan,
      String hash,
      int moves,
      long bytesMoved,
      double makespanSeconds,
      List<HostLoad> freedHosts,
      List<Finding> findings,
      List<HostLoad> before,
      List<HostLoad> after) {}

  @Override
  public ExitCode run(Arguments arguments, Console console) {
    arguments.required("pool");
    arguments.required("mode");
    Path out = OutputFile.of("out", arguments.required("out")).target();
    Optional<BalanceParameters.RulesText> rules =
        arguments
            .optional("rules")
            .map(file -> new BalanceParameters.RulesText(file, InputFile.of("rules", file).read()));
    BalanceParameters parameters = BalanceParameters.parse(arguments::optional, rules);
    PoolParameters pools = CommandSupport.pools(arguments, console);
    PoolProfile profile = pools.pool("pool");
    BalanceParameters.Loaded loaded = parameters.load(pools.connector(), profile);
    BalancePlanning.Balance balance =
        BalancePlanning.plan(loaded.inventory(), loaded.load(), parameters.policy());
    BalanceResult result = balance.result();
    Optional<MigrationPlan> plan =
        balance
            .plan()
            .map(
                p ->
                    new PlanScheduler(RunSession.calibration())
                        .schedule(p, loaded.inventory(), loaded.inventory()));
    plan.ifPresent(p -> new OutputFile("out", out).write(PlanJson.pretty(p) + "\n", false));
    if (console.json()) {
      console.line(
          Json.write(
              new Written(
                  plan.map(p -> out.toString()).orElse(""),
                  plan.map(PlanHash::of).orElse(""),
                  result.moves().size(),
                  result.bytesMoved(),
                  plan.map(p -> p.schedule().makespanSeconds()).orElse(0.0),
                  result.freedHosts(),
                  result.findings(),
                  result.before(),
                  result.after())));
    } else {
      BalanceTable.render(result, parameters.windowSeconds()).forEach(console::line);
      if (plan.isEmpty()) {
        console.line("Nothing to move: no plan written.");
      } else {
        console.out().print(PlanShowTable.render(plan.get()));
        console.line("Plan written to " + out + "; run it with: xe-migrate plan-apply plan=" + out);
      }
    }
    return plan.map(p -> p.movableCount() == p.moves().size()).orElse(true)
        ? ExitCode.DONE
        : ExitCode.BLOCKED;
  }

  /** The balance's summary lines: each host before and after, the freed hosts, the findings. */
  static final class BalanceTable {
    private BalanceTable() {}

    static List<String> render(BalanceResult result, long windowSeconds) {
      List<String> lines = new java.util.ArrayList<>();
      lines.add(
          String.format(
              Locale.ROOT,
              "%s mode, CPU at most %d %%, memory at most %d %%, load of the last %d min:",
              result.policy().mode().name().toLowerCase(Locale.ROOT),
              result.policy().cpuThresholdPercent(),
              result.policy().memoryThresholdPercent(),
              windowSeconds / 60));
      lines.add(
          String.format(
              Locale.ROOT,
              "%-16s %12s %12s %14s %14s %5s",
              "host",
              "CPU before",
              "CPU after",
              "memory before",
              "memory after",
              "VMs"));
      List<Integer> byName =
          java.util.stream.IntStream.range(0, result.before().size())
              .boxed()
              .sorted(java.util.Comparator.comparing(i -> result.before().get(i).hostName()))
              .toList();
      for (int i : byName) {
        HostLoad before = result.before().get(i);
        HostLoad after = result.after().get(i);
        lines.add(
            String.format(
                Locale.ROOT,
                "%-16s %10.1f %% %10.1f %% %12.1f %% %12.1f %% %5s",
                before.hostName(),
                before.cpuPercent(),
                after.cpuPercent(),
                before.memoryPercent(),
                after.memoryPercent(),
                before.vms() + (before.vms() == after.vms() ? "" : "->" + after.vms())));
      }
      lines.add(
          String.format(
              Locale.ROOT,
              "%d moves, %.1f GiB of memory to copy",
              result.moves().size(),
              result.bytesMoved() / (double) (1L << 30)));
      if (!result.freedHosts().isEmpty()) {
        lines.add(
            "Hosts left with no running VM (can be powered off): "
                + String.join(", ", result.freedHosts().stream().map(HostLoad::hostName).toList()));
      }
      result.findings().forEach(finding -> lines.add(PlanOutput.describe(finding)));
      return lines;
    }
  }
}

package io.xemigrate.plugin.bench;

import io.xemigrate.coordinator.planning.BalancePlanning;
import io.xemigrate.coordinator.planning.PoolObservationsReader;
import io.xemigrate.planner.balance.BalanceMode;
import io.xemigrate.planner.balance.BalanceMove;
import io.xemigrate.planner.balance.BalancePolicy;
import io.xemigrate.planner.balance.BalanceRules;
import io.xemigrate.planner.balance.PoolLoad;
import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.planner.plan.Verdict;
import io.xemigrate.simulator.scenario.Scenario;
import io.xemigrate.xapi.PoolClient;
import io.xemigrate.xapi.TaskHandle;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.PowerState;
import io.xemigrate.xapi.model.Task;
import io.xemigrate.xapi.model.Vm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;

/**
 * The {@code balance} bench: on {@link BalanceScenario}, each strategy (our planner and Xen
 * Orchestra's rules, in performance and density mode) reads the pool's load from its RRDs as on a
 * real pool, chooses moves, and has them carried out by the simulator ({@code VM.pool_migrate}, one
 * after the other) in a fresh simulator each; then the hosts' true CPU over the next ten minutes is
 * read from the simulator's hidden truth through its control endpoint (which only the bench reads),
 * with the moves made, the bytes they copied and the anti-affinity groups left sharing a host.
 */
public final class BalanceBench {
  /** What each strategy reads of the RRDs: the last ten minutes. */
  static final long WINDOW_SECONDS = 600;

  /**
   * Virtual seconds per real second: the moves run one after the other and only their outcome
   * counts here (no timing is compared), so as fast as the simulator's physics keeps up.
   */
  public static final double DEFAULT_SPEED = 200;

  static final int CPU_THRESHOLD = 80;
  static final int MEMORY_THRESHOLD = 85;
  private static final int MAX_MOVES = 30;

  private final double speed;
  private final long seed;

  public BalanceBench(double speed, long seed) {
    this.speed = speed;
    this.seed = seed;
  }

  /** One strategy's outcome. */
  public record Row(
      String strategy,
      String mode,
      int moves,
      double gibMoved,
      double maxHostCpuBeforePercent,
      double maxHostCpuAfterPercent,
      int hostsOverCpuThresholdAfter,
      int ruleViolations,
      List<String> freedHosts) {}

  /** Every strategy's row, ours first in each mode. */
  public List<Row> run() {
    Scenario scenario = BalanceScenario.scenario(seed);
    List<Row> rows = new ArrayList<>();
    for (BalanceMode mode : BalanceMode.values()) {
      rows.add(run(scenario, mode, true));
      rows.add(run(scenario, mode, false));
    }
    return rows;
  }

  private Row run(Scenario scenario, BalanceMode mode, boolean ours) {
    try (SimulatedPool pool = SimulatedPool.start(scenario, speed)) {
      SimulatorTruth truth = pool.truth();
      PoolClient client = pool.client();
      PoolInventory before = client.loadInventory();
      PoolLoad load = PoolObservationsReader.load(client, before, WINDOW_SECONDS);
      Map<String, Double> cpuBefore = truth.hostCpuPercent();
      List<BalanceMove> moves = ours ? ours(before, load, mode) : xo(before, load, mode);
      apply(client, moves);
      PoolInventory after = client.loadInventory();
      Map<String, Double> cpuAfter = truth.hostCpuPercent();
      Set<String> hostNames = new TreeSet<>();
      for (String host : before.hosts().keySet()) {
        if (!before.residentOn(host).isEmpty() && running(after, host) == 0) {
          hostNames.add(before.hosts().get(host).nameLabel());
        }
      }
      return new Row(
          ours ? "xe-migrate" : "xo-rule",
          mode.name().toLowerCase(java.util.Locale.ROOT),
          moves.size(),
          moves.stream()
                  .mapToLong(m -> before.vm(m.vmUuid()).map(Vm::memoryActual).orElse(0L))
                  .sum()
              / (double) (1L << 30),
          max(cpuBefore),
          max(cpuAfter),
          (int) cpuAfter.values().stream().filter(c -> c > CPU_THRESHOLD).count(),
          violations(after),
          List.copyOf(hostNames));
    }
  }

  private static List<BalanceMove> ours(PoolInventory pool, PoolLoad load, BalanceMode mode) {
    BalancePolicy policy =
        new BalancePolicy(mode, CPU_THRESHOLD, MEMORY_THRESHOLD, MAX_MOVES, BalanceRules.none());
    BalancePlanning.Balance balance = BalancePlanning.plan(pool, load, policy);
    List<BalanceMove> moves = new ArrayList<>();
    for (MovePlan move : balance.plan().map(p -> p.moves()).orElse(List.of())) {
      if (move.verdict() == Verdict.OK) {
        moves.add(
            new BalanceMove(
                move.vmUuid(),
                move.vmName(),
                move.sourceHostUuid(),
                move.destinationHostUuid(),
                0));
      }
    }
    return moves;
  }

  private static List<BalanceMove> xo(PoolInventory pool, PoolLoad load, BalanceMode mode) {
    XoBalanceRules rules = new XoBalanceRules(pool, load, CPU_THRESHOLD, MEMORY_THRESHOLD);
    return switch (mode) {
      case PERFORMANCE -> rules.performance();
      case DENSITY -> rules.density();
    };
  }

  /** {@code VM.pool_migrate} of each move in turn, each waited for. */
  private static void apply(PoolClient client, List<BalanceMove> moves) {
    try (TaskWatch watch = TaskWatch.start(client)) {
      for (BalanceMove move : moves) {
        TaskHandle task =
            client.poolMigrate(move.vmUuid(), move.toHostUuid(), Map.of("live", "true"));
        Task done = watch.ending(task).get();
        if (done.status() != Task.Status.SUCCESS) {
          throw new IllegalStateException(
              "the bench's move of " + move.vmName() + " ended " + done.status());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a bench move failed", e);
    }
  }

  /** VMs beyond the first of an anti-affinity group on one host, summed over hosts and groups. */
  static int violations(PoolInventory pool) {
    Map<String, Integer> perGroupHost = new HashMap<>();
    for (Vm vm : pool.guests()) {
      if (vm.powerState() != PowerState.RUNNING) {
        continue;
      }
      for (String tag : vm.tags()) {
        if (tag.startsWith("xe-migrate:anti-affinity=")) {
          perGroupHost.merge(tag + "@" + vm.residentOnHostUuid(), 1, Integer::sum);
        }
      }
    }
    return perGroupHost.values().stream().mapToInt(n -> n - 1).sum();
  }

  private static int running(PoolInventory pool, String host) {
    return (int)
        pool.residentOn(host).stream().filter(vm -> vm.powerState() == PowerState.RUNNING).count();
  }

  private static double max(Map<String, Double> cpu) {
    return Math.round(cpu.values().stream().mapToDouble(c -> c).max().orElse(0) * 10) / 10.0;
  }

  /** The rows as a table. */
  public static String table(List<Row> rows) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            java.util.Locale.ROOT,
            "%-11s %-11s %5s %9s %11s %10s %8s %10s  %s%n",
            "strategy",
            "mode",
            "moves",
            "GiB moved",
            "max CPU was",
            "max CPU now",
            "hosts>80",
            "violations",
            "hosts freed"));
    for (Row row : rows) {
      out.append(
          String.format(
              java.util.Locale.ROOT,
              "%-11s %-11s %5d %9.1f %9.1f %% %8.1f %% %8d %10d  %s%n",
              row.strategy(),
              row.mode(),
              row.moves(),
              row.gibMoved(),
              row.maxHostCpuBeforePercent(),
              row.maxHostCpuAfterPercent(),
              row.hostsOverCpuThresholdAfter(),
              row.ruleViolations(),
              row.freedHosts().isEmpty() ? "-" : String.join(",", row.freedHosts())));
    }
    return out.toString();
  }
}

package io.xemigrate.coordinator.planning;

import io.xemigrate.planner.Finding;
import io.xemigrate.planner.MigrationPlanner;
import io.xemigrate.planner.MigrationRequest;
import io.xemigrate.planner.Overrides;
import io.xemigrate.planner.PlanningInput;
import io.xemigrate.planner.balance.BalanceMove;
import io.xemigrate.planner.balance.BalancePolicy;
import io.xemigrate.planner.balance.BalanceResult;
import io.xemigrate.planner.balance.Balancer;
import io.xemigrate.planner.balance.HostLoad;
import io.xemigrate.planner.balance.PoolLoad;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.xapi.model.PoolInventory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code pool-balance-plan}: the {@link Balancer}'s moves as an ordinary plan, made the way
 * host-restore makes its plan: the planner is asked, per destination host, to move that host's VMs
 * there (so every move is checked and mapped as any other), and the plans are merged into one. The
 * balance's own findings (rules and thresholds it could not meet) are the plan's. Pure: no I/O.
 */
public final class BalancePlanning {
  /**
   * What to do.
   *
   * @param plan the moves, or empty when none is needed
   */
  public record Balance(BalanceResult result, Optional<MigrationPlan> plan) {}

  private BalancePlanning() {}

  public static Balance plan(PoolInventory pool, PoolLoad load, BalancePolicy policy) {
    BalanceResult result = Balancer.balance(pool, load, policy);
    Map<String, List<String>> byHost = new TreeMap<>();
    for (BalanceMove move : result.moves()) {
      byHost.computeIfAbsent(move.toHostUuid(), h -> new ArrayList<>()).add(move.vmUuid());
    }
    List<MigrationPlan> plans = new ArrayList<>();
    byHost.forEach(
        (host, vms) ->
            plans.add(
                MigrationPlanner.plan(
                    new PlanningInput(
                        pool, pool, new MigrationRequest.MoveVms(vms, host), Overrides.none()))));
    Optional<MigrationPlan> plan =
        RestorePlanning.merge(request(pool, result), plans).map(p -> withFindings(p, result));
    return new Balance(result, plan);
  }

  /** The plan's request line: pool, mode, thresholds and (density) the hosts it frees. */
  public static String request(PoolInventory pool, BalanceResult result) {
    BalancePolicy policy = result.policy();
    String freed =
        result.freedHosts().isEmpty()
            ? ""
            : "; frees "
                + result.freedHosts().stream()
                    .map(HostLoad::hostName)
                    .collect(Collectors.joining(", "));
    return String.format(
        Locale.ROOT,
        "balance pool %s (%s: CPU %d %%, memory %d %%, at most %d moves)%s",
        pool.pool().nameLabel(),
        policy.mode().name().toLowerCase(Locale.ROOT),
        policy.cpuThresholdPercent(),
        policy.memoryThresholdPercent(),
        policy.maxMoves(),
        freed);
  }

  private static MigrationPlan withFindings(MigrationPlan plan, BalanceResult result) {
    List<Finding> findings = new ArrayList<>(plan.findings());
    findings.addAll(result.findings());
    return new MigrationPlan(
        plan.formatVersion(),
        plan.source(),
        plan.destination(),
        plan.request(),
        plan.intraPool(),
        plan.transferNetwork(),
        findings,
        plan.moves(),
        plan.schedule());
  }
}

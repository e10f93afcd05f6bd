package io.xemigrate.planner.place;

import io.xemigrate.planner.Finding;
import io.xemigrate.planner.Limits;
import io.xemigrate.planner.check.Checks;
import io.xemigrate.planner.check.DestinationIndex;
import io.xemigrate.planner.check.HostCheck;
import io.xemigrate.planner.check.HostContext;
import io.xemigrate.planner.check.MemoryArithmetic;
import io.xemigrate.planner.check.MoveContext;
import io.xemigrate.storage.mapping.DiskMap;
import io.xemigrate.storage.mapping.DiskMapper;
import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.PowerState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Places one VM at a time (Nomad's stack): every candidate host goes through the host checks
 * (feasibility), the feasible ones through the scorers, and the selector takes the best. The ledger
 * is committed after each placement, so the next VM sees the capacity this one took.
 */
public final class Placer {
  private static final List<Scorer> SCORERS =
      List.of(
          new MemoryBalanceScorer(),
          new IncomingMovesScorer(),
          new AntiAffinityScorer(),
          new SharedStorageScorer());
  private static final int TOP_HOSTS = 3;

  /** The scorer names, in {@link #SCORERS} order. */
  static final List<String> SCORER_NAMES = SCORERS.stream().map(Scorer::name).toList();

  private final DiskMapper diskMapper;
  private final DestinationIndex index;
  private final Limits limits;
  private final PlanLedger ledger = new PlanLedger();

  public Placer(DiskMapper diskMapper, DestinationIndex index, Limits limits) {
    this.diskMapper = diskMapper;
    this.index = index;
    this.limits = limits;
  }

  /** Places the VM on one of the candidate hosts (in UUID order), and commits the choice. */
  public Placement place(MoveContext move, List<String> candidates) {
    return place(move, candidates, true);
  }

  /**
   * Evaluates the candidate hosts for a VM that is blocked anyway, without taking capacity: the
   * administrator then learns every problem of the VM at once, host problems included.
   */
  public Placement evaluate(MoveContext move, List<String> candidates) {
    return place(move, candidates, false);
  }

  private Placement place(MoveContext move, List<String> candidates, boolean commit) {
    Map<String, HostContext> feasible = new HashMap<>();
    List<Scored> scores = new ArrayList<>();
    Map<String, List<Finding>> rejected = new TreeMap<>();
    Map<String, List<Finding>> warnings = new HashMap<>();
    // Hosts that see the same SRs get the same disk map instance; check each map once.
    Map<DiskMap, List<List<Finding>>> byDiskMap = new IdentityHashMap<>();
    for (String hostUuid : candidates) {
      Host host = move.destination().hosts().get(hostUuid);
      if (host == null || hostUuid.equals(move.vm().residentOnHostUuid())) {
        continue;
      }
      DiskMap diskMap = diskMapper.map(move.vm(), hostUuid, ledger.srLedger());
      HostContext context =
          new HostContext(
              move,
              host,
              diskMap,
              ledger.plannedFootprint(hostUuid),
              ledger.plannedIncoming(hostUuid),
              ledger.srLedger(),
              index,
              limits);
      List<List<Finding>> shared =
          byDiskMap.computeIfAbsent(diskMap, map -> diskMapFindings(context));
      List<Finding> findings = new ArrayList<>();
      for (int i = 0; i < Checks.HOST.size(); i++) {
        HostCheck check = Checks.HOST.get(i);
        findings.addAll(check.readsOnlyTheDiskMap() ? shared.get(i) : check.check(context));
      }
      if (findings.stream().anyMatch(Finding::isBlocker)) {
        rejected.put(hostUuid, findings.stream().filter(Finding::isBlocker).toList());
      } else {
        feasible.put(hostUuid, context);
        warnings.put(hostUuid, findings);
        scores.add(score(context));
      }
    }
    Optional<Scored> best = Selector.select(scores);
    if (best.isEmpty()) {
      return new Placement(
          "",
          DiskMap.empty(),
          Unplaceable.findings(move, rejected),
          explain(feasible.size(), rejected, scores, ""));
    }
    HostContext chosen = feasible.get(best.get().hostUuid());
    if (commit) {
      commit(chosen);
    }
    return new Placement(
        chosen.hostUuid(),
        chosen.diskMap(),
        warnings.get(chosen.hostUuid()),
        explain(feasible.size(), rejected, scores, chosen.hostUuid()));
  }

  /** The findings of the checks that read only the disk map, by position in Checks.HOST. */
  private static List<List<Finding>> diskMapFindings(HostContext context) {
    List<List<Finding>> findings = new ArrayList<>(Checks.HOST.size());
    for (HostCheck check : Checks.HOST) {
      findings.add(check.readsOnlyTheDiskMap() ? check.check(context) : List.of());
    }
    return findings;
  }

  /** The scores of a feasible host; the per-scorer map is filled only for the top hosts. */
  private Scored score(HostContext context) {
    double[] values = new double[SCORERS.size()];
    double sum = 0;
    for (int i = 0; i < values.length; i++) {
      values[i] = round(SCORERS.get(i).score(context, ledger));
      sum += values[i];
    }
    return new Scored(context.hostUuid(), values, round(sum / SCORERS.size()));
  }

  private void commit(HostContext chosen) {
    PowerState state = chosen.move().vm().powerState();
    boolean live = state == PowerState.RUNNING || state == PowerState.PAUSED;
    long memory = live ? MemoryArithmetic.needed(chosen.move().vm(), chosen.move().intraPool()) : 0;
    ledger.commit(chosen.hostUuid(), memory, chosen.move().antiAffinityGroups(), chosen.diskMap());
  }

  private static PlacementExplanation explain(
      int feasible, Map<String, List<Finding>> rejected, List<Scored> scores, String chosen) {
    Map<String, List<String>> reasons = new TreeMap<>();
    Map<String, Integer> counts = new TreeMap<>();
    rejected.forEach(
        (host, findings) -> {
          reasons.put(host, findings.stream().map(Finding::signature).toList());
          findings.stream()
              .map(Finding::code)
              .distinct()
              .forEach(code -> counts.merge(code, 1, Integer::sum));
        });
    List<HostScore> top =
        scores.stream()
            .sorted(Selector.BEST_FIRST)
            .limit(TOP_HOSTS)
            .map(scored -> scored.named(SCORER_NAMES))
            .toList();
    return new PlacementExplanation(
        feasible + rejected.size(), feasible, reasons, counts, top, chosen);
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}

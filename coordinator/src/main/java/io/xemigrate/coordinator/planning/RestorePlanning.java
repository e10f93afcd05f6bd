package io.xemigrate.coordinator.planning;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import io.xemigrate.coordinator.move.MovePhase;
import io.xemigrate.coordinator.move.MoveState;
import io.xemigrate.network.mapping.NicMapping;
import io.xemigrate.planner.Finding;
import io.xemigrate.planner.MigrationPlanner;
import io.xemigrate.planner.MigrationRequest;
import io.xemigrate.planner.Overrides;
import io.xemigrate.planner.PlanningInput;
import io.xemigrate.planner.ResolutionException;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.storage.mapping.DiskMapping;
import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.PowerState;
import io.xemigrate.xapi.model.Vdi;
import io.xemigrate.xapi.model.Vif;
import io.xemigrate.xapi.model.Vm;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code host-restore}: plans moving a run's succeeded moves back to the hosts they came from,
 * after XenCenter's "bring babies back" (docs/other-tools.md#xencenter-maintenance): only the VMs
 * that run where the run put them; a VM that moved since, or whose original host is gone or was
 * disabled by someone else, is left where it is and reported. Across pools the maps are the run's,
 * reversed: each disk goes back to the SR its copy came from, each VIF (same UUID and MAC) to the
 * network it left. Pure: no I/O.
 */
public final class RestorePlanning {
  /** A VM of the run that is not moved back, and why (one plain sentence). */
  public record Skipped(String vmUuid, String vmName, String reason) {}

  /**
   * What to do.
   *
   * @param plan the moves back, or empty when nothing is to move
   * @param alreadyHome VMs of the run already on their original host
   */
  public record Restore(
      Optional<MigrationPlan> plan,
      ImmutableList<Skipped> skipped,
      ImmutableList<String> alreadyHome) {}

  private RestorePlanning() {}

  /**
   * @param runPlan the run's plan
   * @param moves the run's journaled moves
   * @param heldHosts hosts the run disabled and still holds: planned as enabled, since they are
   *     enabled right before the moves back
   * @param away the pool the run moved VMs into, now
   * @param home the pool they came from, now (the same inventory for a move inside one pool)
   */
  public static Restore plan(
      String runId,
      MigrationPlan runPlan,
      List<MoveState> moves,
      Set<String> heldHosts,
      PoolInventory away,
      PoolInventory home) {
    boolean intraPool = away.pool().uuid().equals(home.pool().uuid());
    PoolInventory homeView = enabled(home, heldHosts);
    PoolInventory awayView = intraPool ? homeView : away;
    List<Skipped> skipped = new ArrayList<>();
    List<String> alreadyHome = new ArrayList<>();
    Map<String, List<MovePlan>> byHost = new LinkedHashMap<>();
    for (MoveState state : moves) {
      Optional<MovePlan> found = runPlan.move(state.vmUuid());
      if (state.phase() != MovePhase.SUCCEEDED || found.isEmpty()) {
        continue;
      }
      MovePlan move = found.get();
      Optional<Host> original = homeView.host(move.sourceHostUuid());
      if (runsOn(home, move.vmUuid(), move.sourceHostUuid())) {
        alreadyHome.add(move.vmName());
      } else if (!runsOn(away, move.vmUuid(), move.destinationHostUuid())) {
        skipped.add(skip(move, "moved since the run: not where the run put it"));
      } else if (original.isEmpty()) {
        skipped.add(skip(move, "its original host " + move.sourceHostName() + " is gone"));
      } else if (!original.get().enabled()) {
        skipped.add(
            skip(move, "its original host " + move.sourceHostName() + " was disabled by others"));
      } else {
        byHost.computeIfAbsent(move.sourceHostUuid(), h -> new ArrayList<>()).add(move);
      }
    }
    List<MigrationPlan> plans = new ArrayList<>();
    for (Map.Entry<String, List<MovePlan>> group : byHost.entrySet()) {
      List<String> vms = group.getValue().stream().map(MovePlan::vmUuid).toList();
      Overrides overrides =
          intraPool ? disksBack(awayView, group.getValue()) : reverse(awayView, group.getValue());
      try {
        plans.add(
            MigrationPlanner.plan(
                new PlanningInput(
                    awayView,
                    homeView,
                    new MigrationRequest.MoveVms(vms, group.getKey()),
                    overrides)));
      } catch (ResolutionException e) {
        group.getValue().forEach(move -> skipped.add(skip(move, e.getMessage())));
      }
    }
    return new Restore(
        merge("restore run " + runId, plans),
        ImmutableList.copyOf(skipped),
        ImmutableList.copyOf(alreadyHome));
  }

  private static Skipped skip(MovePlan move, String reason) {
    return new Skipped(move.vmUuid(), move.vmName(), reason);
  }

  private static boolean runsOn(PoolInventory pool, String vmUuid, String hostUuid) {
    return pool.vm(vmUuid)
        .map(
            vm -> vm.powerState() == PowerState.RUNNING && vm.residentOnHostUuid().equals(hostUuid))
        .orElse(false);
  }

  /** Cross-pool: disks back to their SRs, VIFs back to their networks. */
  private static Overrides reverse(PoolInventory away, List<MovePlan> moves) {
    Map<String, String> networks = new HashMap<>();
    for (MovePlan move : moves) {
      Vm vm = away.vm(move.vmUuid()).orElseThrow();
      for (Vif vif : away.vifsOf(vm)) {
        move.nics().stream()
            .filter(nic -> !nic.snapshot() && nic.mac().equalsIgnoreCase(vif.mac()))
            .map(NicMapping::sourceNetworkUuid)
            .findFirst()
            .ifPresent(network -> networks.put(vif.uuid(), network));
      }
    }
    return disksBack(away, moves).withNetworkByVif(networks);
  }

  /**
   * Each disk of the VM and of its snapshots back to the SR its copy came from: the source SR of
   * the run's mappings of that owner onto the disk's SR, when they name one SR only (otherwise the
   * planner chooses).
   */
  private static Overrides disksBack(PoolInventory away, List<MovePlan> moves) {
    Map<String, String> srs = new HashMap<>();
    for (MovePlan move : moves) {
      List<Vm> owners = new ArrayList<>();
      away.vm(move.vmUuid()).ifPresent(owners::add);
      away.vms().values().stream()
          .filter(vm -> vm.isSnapshot() && vm.snapshotOfUuid().equals(move.vmUuid()))
          .forEach(owners::add);
      for (Vm owner : owners) {
        for (Vdi vdi : away.disksOf(owner)) {
          Set<String> from =
              move.disks().stream()
                  .filter(DiskMapping::moves)
                  .filter(disk -> disk.ownerUuid().equals(owner.uuid()))
                  .filter(disk -> disk.destinationSrUuid().equals(vdi.srUuid()))
                  .map(DiskMapping::sourceSrUuid)
                  .collect(Collectors.toSet());
          if (from.size() == 1) {
            srs.put(vdi.uuid(), from.iterator().next());
          }
        }
      }
    }
    return Overrides.none().withSrByVdi(srs);
  }

  /** The same pool with the given hosts enabled. */
  private static PoolInventory enabled(PoolInventory pool, Set<String> hosts) {
    ImmutableSortedMap.Builder<String, Host> builder = ImmutableSortedMap.naturalOrder();
    pool.hosts()
        .forEach(
            (uuid, host) -> builder.put(uuid, hosts.contains(uuid) ? withEnabled(host) : host));
    return new PoolInventory(
        pool.pool(),
        builder.build(),
        pool.vms(),
        pool.vbds(),
        pool.vdis(),
        pool.srs(),
        pool.networks(),
        pool.pifs(),
        pool.vifs(),
        pool.eventToken(),
        pool.capturedAt());
  }

  private static Host withEnabled(Host host) {
    return new Host(
        host.uuid(),
        host.nameLabel(),
        host.address(),
        true,
        host.live(),
        host.cpuInfo(),
        host.softwareVersion(),
        host.memoryTotal(),
        host.memoryFree(),
        host.memoryOverhead(),
        host.virtualHardwarePlatformVersions(),
        host.pifUuids(),
        host.otherConfig());
  }

  /** One plan of the per-host plans, its moves in VM UUID order; also the balance's. */
  static Optional<MigrationPlan> merge(String request, List<MigrationPlan> plans) {
    if (plans.isEmpty()) {
      return Optional.empty();
    }
    MigrationPlan first = plans.get(0);
    List<MovePlan> moves = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    plans.forEach(
        plan -> {
          moves.addAll(plan.moves());
          findings.addAll(plan.findings());
        });
    moves.sort(Comparator.comparing(MovePlan::vmUuid));
    return Optional.of(
        new MigrationPlan(
            first.formatVersion(),
            first.source(),
            first.destination(),
            request,
            first.intraPool(),
            first.transferNetwork(),
            findings.stream().distinct().collect(Collectors.toList()),
            moves));
  }
}

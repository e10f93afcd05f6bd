package io.xemigrate.planner;

import io.xemigrate.network.mapping.NicMap;
import io.xemigrate.network.mapping.NicMapper;
import io.xemigrate.network.mapping.TransferNetworkChoice;
import io.xemigrate.network.mapping.TransferNetworkChooser;
import io.xemigrate.network.mapping.TransferNetworkRule;
import io.xemigrate.planner.check.Checks;
import io.xemigrate.planner.check.DestinationIndex;
import io.xemigrate.planner.check.MemoryArithmetic;
import io.xemigrate.planner.check.MoveContext;
import io.xemigrate.planner.check.VmCheck;
import io.xemigrate.planner.place.Placement;
import io.xemigrate.planner.place.PlacementExplanation;
import io.xemigrate.planner.place.Placer;
import io.xemigrate.planner.plan.InventoryIdentity;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.planner.plan.MoveSchedule;
import io.xemigrate.planner.plan.Verdict;
import io.xemigrate.storage.mapping.DiskMapper;
import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.PowerState;
import io.xemigrate.xapi.model.Vm;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The planner: a pure function from two inventory snapshots and a request to a {@link
 * MigrationPlan}. No I/O, no clock, no threads; the same input gives the same plan, byte for byte.
 *
 * <p>Pipeline: resolve names → choose the transfer network → for each VM, run the VM checks and map
 * its NICs → place the VMs one by one (host checks, scorers, selector), each seeing what the
 * earlier ones took → assemble the plan.
 */
public final class MigrationPlanner {
  private MigrationPlanner() {}

  /**
   * Plans the request.
   *
   * @throws ResolutionException when the request names something that does not exist, or a name
   *     several objects share
   */
  public static MigrationPlan plan(PlanningInput input) {
    ResolvedRequest request = Resolver.resolve(input);
    PoolInventory source = input.source();
    PoolInventory destination = input.destination();
    boolean intraPool = input.intraPool();

    TransferNetworkChoice transfer =
        TransferNetworkChooser.choose(
            destination, request.candidateHosts(), request.transferNetwork());
    List<Finding> planFindings = new ArrayList<>();
    if (transfer.rule() == TransferNetworkRule.MANAGEMENT && !intraPool) {
      planFindings.add(
          Finding.warning(
              Codes.TRANSFER_NETWORK_IS_MANAGEMENT,
              List.of(transfer.networkUuid()),
              List.of(transfer.networkUuid()),
              "Disk and memory traffic will share the management network.",
              "Give each destination host an IP on a dedicated network, or name one with"
                  + " transfer-network=."));
    }
    DestinationIndex index =
        new DestinationIndex(destination, request.candidateHosts(), transfer.networkUuid());
    DiskMapper diskMapper =
        new DiskMapper(
            source, destination, request.diskOverrides(), request.limits().srHeadroomFraction());
    NicMapper nicMapper = new NicMapper(source, destination, request.nicOverrides());
    Placer placer = new Placer(diskMapper, index, request.limits());

    Map<String, MovePlan> moves = new TreeMap<>();
    for (Vm vm : placementOrder(request.vms(), intraPool)) {
      NicMap nicMap = nicMapper.map(vm);
      Host sourceHost = source.host(vm.residentOnHostUuid()).orElseGet(source::master);
      MoveContext move =
          new MoveContext(
              source,
              destination,
              vm,
              intraPool,
              sourceHost,
              nicMap,
              !request.nicOverrides().isEmpty());
      List<Finding> findings = new ArrayList<>();
      for (VmCheck check : Checks.VM) {
        findings.addAll(check.check(move));
      }
      Placement placement;
      if (findings.stream().anyMatch(Finding::isBlocker)) {
        // Blocked already: still say what the hosts would object to, but take no capacity.
        placement = placer.evaluate(move, request.candidateHosts());
        if (!placement.placed()) {
          findings.addAll(placement.findings());
        }
        PlacementExplanation explained = placement.explanation();
        placement =
            new Placement(
                "",
                placement.diskMap(),
                List.of(),
                new PlacementExplanation(
                    explained.hostsEvaluated(),
                    explained.feasibleHosts(),
                    explained.rejections(),
                    explained.rejectionCounts(),
                    explained.topHosts(),
                    ""));
      } else {
        placement = placer.place(move, request.candidateHosts());
        findings.addAll(placement.findings());
      }
      moves.put(vm.uuid(), movePlan(move, placement, findings, transfer, destination));
    }
    return new MigrationPlan(
        MigrationPlan.FORMAT_VERSION,
        InventoryIdentity.of(source),
        InventoryIdentity.of(destination),
        input.request().describe(),
        intraPool,
        transfer,
        planFindings,
        List.copyOf(moves.values()));
  }

  /**
   * Biggest memory first (first-fit decreasing packs better), then by UUID so that the order, and
   * hence the plan, never depends on anything but the input.
   */
  private static List<Vm> placementOrder(List<Vm> vms, boolean intraPool) {
    return vms.stream()
        .sorted(
            Comparator.comparingLong((Vm vm) -> -liveMemory(vm, intraPool)).thenComparing(Vm::uuid))
        .toList();
  }

  private static long liveMemory(Vm vm, boolean intraPool) {
    boolean live = vm.powerState() == PowerState.RUNNING || vm.powerState() == PowerState.PAUSED;
    return live ? MemoryArithmetic.needed(vm, intraPool) : 0;
  }

  private static MovePlan movePlan(
      MoveContext move,
      Placement placement,
      List<Finding> findings,
      TransferNetworkChoice transfer,
      PoolInventory destination) {
    Vm vm = move.vm();
    boolean blocked = !placement.placed() || findings.stream().anyMatch(Finding::isBlocker);
    String hostUuid = placement.hostUuid();
    MigrationMethod method =
        move.intraPool()
                && vm.powerState() == PowerState.RUNNING
                && placement.diskMap().moving().isEmpty()
            ? MigrationMethod.POOL_MIGRATE
            : MigrationMethod.MIGRATE_SEND;
    return new MovePlan(
        vm.uuid(),
        vm.nameLabel(),
        vm.powerState().toXapi(),
        vm.residentOnHostUuid(),
        move.source().host(vm.residentOnHostUuid()).map(Host::nameLabel).orElse(""),
        blocked ? Verdict.BLOCKED : Verdict.OK,
        blocked ? "" : hostUuid,
        blocked ? "" : destination.host(hostUuid).map(Host::nameLabel).orElse(""),
        method,
        placement.diskMap().mappings(),
        move.nicMap().mappings(),
        transfer.networkUuid(),
        findings,
        placement.explanation(),
        MoveSchedule.unscheduled());
  }
}

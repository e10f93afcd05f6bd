package io.xemigrate.planner;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.planner.check.MemoryArithmetic;
import io.xemigrate.planner.fixtures.Fleets;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.planner.plan.PlanHash;
import io.xemigrate.planner.plan.PlanJson;
import io.xemigrate.planner.plan.Verdict;
import io.xemigrate.storage.mapping.DiskMapping;
import io.xemigrate.storage.mapping.VmDisk;
import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.PowerState;
import io.xemigrate.xapi.model.Sr;
import io.xemigrate.xapi.model.Vif;
import io.xemigrate.xapi.model.Vm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of plans over random fleets, under memory and storage pressure. */
class PlanProperties {

  /** A fleet and a request: drain the pool, or evacuate some of its hosts. */
  record Case(Fleets.Fleet fleet, MigrationRequest request, long seed) {
    PlanningInput input() {
      return new PlanningInput(fleet.source(), fleet.destination(), request, Overrides.none());
    }

    MigrationPlan plan() {
      return MigrationPlanner.plan(input());
    }

    @Override
    public String toString() {
      return "Case[seed="
          + seed
          + ", sourceHosts="
          + fleet.source().hosts().size()
          + ", destinationHosts="
          + fleet.destination().hosts().size()
          + ", vms="
          + fleet.source().guests().size()
          + ", request="
          + request
          + "]";
    }
  }

  @Provide
  Arbitrary<Case> cases() {
    return Combinators.combine(
            Arbitraries.longs(),
            Arbitraries.integers().between(1, 5),
            Arbitraries.integers().between(1, 6),
            Arbitraries.integers().between(0, 40),
            Arbitraries.integers().between(0, 10),
            Arbitraries.of(16L, 32L, 96L),
            Arbitraries.of(200L, 1000L, 5000L),
            Arbitraries.of(true, false))
        .as(
            (seed, srcHosts, dstHosts, vms, dstVms, memory, sr, drain) -> {
              Fleets.Fleet fleet =
                  Fleets.generate(seed, srcHosts, dstHosts, vms, dstVms, memory, sr);
              MigrationRequest request =
                  drain
                      ? new MigrationRequest.DrainPool()
                      : new MigrationRequest.EvacuateHosts(
                          List.copyOf(fleet.source().hosts().keySet()).subList(0, 1));
              return new Case(fleet, request, seed);
            });
  }

  @Property(tries = 60)
  void noHostIsOverCommitted(@ForAll("cases") Case scenario) {
    MigrationPlan plan = scenario.plan();
    PoolInventory destination = scenario.fleet().destination();
    Map<String, Long> committed = new HashMap<>();
    Set<String> receiving = new TreeSet<>();
    // Halted and suspended VMs take no memory on arrival; only hosts receiving running VMs count.
    movable(plan).stream()
        .filter(move -> move.powerState().equals("Running"))
        .forEach(move -> receiving.add(move.destinationHostUuid()));
    destination.vms().values().stream()
        .filter(vm -> !vm.residentOnHostUuid().isEmpty())
        .forEach(
            vm ->
                committed.merge(
                    vm.residentOnHostUuid(), MemoryArithmetic.footprint(vm), Long::sum));
    for (MovePlan move : movable(plan)) {
      Vm vm = scenario.fleet().source().vms().get(move.vmUuid());
      if (vm.powerState() == PowerState.RUNNING) {
        committed.merge(move.destinationHostUuid(), MemoryArithmetic.needed(vm, false), Long::sum);
      }
    }
    receiving.forEach(
        hostUuid -> {
          Host host = destination.hosts().get(hostUuid);
          long planned = committed.getOrDefault(hostUuid, 0L);
          assertThat(planned)
              .as("memory committed on %s", hostUuid)
              .isLessThanOrEqualTo(host.memoryTotal() - host.memoryOverhead());
        });
  }

  @Property(tries = 60)
  void noSrIsOverCommitted(@ForAll("cases") Case scenario) {
    MigrationPlan plan = scenario.plan();
    Map<String, Long> planned = new HashMap<>();
    for (MovePlan move : movable(plan)) {
      for (DiskMapping disk : move.disks()) {
        if (disk.moves()) {
          planned.merge(disk.destinationSrUuid(), disk.bytesOnDestination(), Long::sum);
        }
      }
    }
    planned.forEach(
        (srUuid, bytes) -> {
          Sr sr = scenario.fleet().destination().srs().get(srUuid);
          assertThat(bytes).as("bytes planned onto %s", srUuid).isLessThanOrEqualTo(sr.freeSpace());
        });
  }

  @Property(tries = 60)
  void everyDiskAndNicOfAMovableVmIsMapped(@ForAll("cases") Case scenario) {
    MigrationPlan plan = scenario.plan();
    PoolInventory source = scenario.fleet().source();
    for (MovePlan move : movable(plan)) {
      Vm vm = source.vms().get(move.vmUuid());
      Set<String> disks = new TreeSet<>();
      VmDisk.of(source, vm).forEach(disk -> disks.add(disk.vdi().uuid()));
      Set<String> vifs = new TreeSet<>();
      List<Vm> owners = new ArrayList<>(List.of(vm));
      vm.snapshotUuids().forEach(uuid -> owners.add(source.vms().get(uuid)));
      owners.forEach(owner -> source.vifsOf(owner).stream().map(Vif::uuid).forEach(vifs::add));

      assertThat(move.disks())
          .extracting(DiskMapping::vdiUuid)
          .containsExactlyInAnyOrderElementsOf(disks);
      assertThat(move.nics())
          .extracting(nic -> nic.vifUuid())
          .containsExactlyInAnyOrderElementsOf(vifs);
      assertThat(move.destinationHostUuid()).isNotEmpty();
    }
  }

  @Property(tries = 30)
  void theSameInputGivesTheSamePlan(@ForAll("cases") Case scenario) {
    MigrationPlan first = scenario.plan();
    MigrationPlan second = scenario.plan();

    assertThat(second).isEqualTo(first);
    assertThat(PlanHash.of(second)).isEqualTo(PlanHash.of(first));
    assertThat(PlanJson.read(PlanJson.canonical(first))).isEqualTo(first);
  }

  private static List<MovePlan> movable(MigrationPlan plan) {
    return plan.moves().stream().filter(move -> move.verdict() == Verdict.OK).toList();
  }
}

package io.xemigrate.tests.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.coordinator.move.MovePhase;
import io.xemigrate.coordinator.move.MoveState;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.planner.plan.Verdict;
import io.xemigrate.simulator.migration.MigrationService;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.PowerState;
import io.xemigrate.xapi.model.Vbd;
import io.xemigrate.xapi.model.Vif;
import io.xemigrate.xapi.model.Vm;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What must hold after any fault, resume and cleanup: every VM runs exactly once, the journal
 * agrees with both pools, every VIF is attached with its MAC, nothing migrated twice; and after
 * cleanup no VM record or disk is left over in either pool.
 */
final class MatrixInvariants {
  /** The VM that {@code TAKE_DESTINATION_MEMORY} creates: the fault's, not the run's. */
  static final String MEMORY_HOG = "memory taken by a fault";

  private MatrixInvariants() {}

  /** Settled: whereabouts, journal, VIFs; halted leftovers (cleanup's job) still allowed. */
  static void assertSettled(SimulatedPools pools, MigrationPlan plan, String runId) {
    PoolInventory a = pools.source.fresh();
    PoolInventory b = pools.destination.fresh();
    Map<String, MoveState> journaled = journaled(pools, runId);
    for (MovePlan move : movable(plan)) {
      Optional<Vm> atA = running(a, move.vmUuid());
      Optional<Vm> atB = running(b, move.vmUuid());
      assertThat(atA.isPresent() ^ atB.isPresent())
          .as("%s runs exactly once (source %s, destination %s)", move.vmName(), atA, atB)
          .isTrue();
      MoveState state = journaled.get(move.vmUuid());
      Vm vm = atA.or(() -> atB).orElseThrow();
      PoolInventory where = atA.isPresent() ? a : b;
      switch (state.phase()) {
        case SUCCEEDED, SKIPPED -> {
          assertThat(atB).as("%s journaled %s", move.vmName(), state).isPresent();
          assertThat(vm.residentOnHostUuid()).isEqualTo(move.destinationHostUuid());
        }
        case FAILED, CANCELLED -> {
          assertThat(atA).as("%s journaled %s", move.vmName(), state).isPresent();
          assertThat(vm.residentOnHostUuid()).isEqualTo(move.sourceHostUuid());
        }
        case PENDING,
            RECEIVING,
            VALIDATING,
            MIGRATING,
            VERIFYING,
            REATTACHING,
            RECOVERING,
            NEEDS_RECONCILE ->
            throw new AssertionError(move.vmName() + " not settled by resume: " + state);
      }
      assertThat(where.vifsOf(vm))
          .as("%s VIFs attached", move.vmName())
          .allMatch(Vif::currentlyAttached);
      Set<String> macs = where.vifsOf(vm).stream().map(Vif::mac).collect(Collectors.toSet());
      move.nics().stream()
          .filter(nic -> !nic.snapshot())
          .forEach(nic -> assertThat(macs).as("%s MACs", move.vmName()).contains(nic.mac()));
    }
    Map<String, Long> migrations =
        pools.migration.service().recorded().stream()
            .collect(
                Collectors.groupingBy(MigrationService.Recorded::vmUuid, Collectors.counting()));
    assertThat(migrations.values()).as("migrations per VM").allMatch(times -> times == 1);
  }

  /**
   * Nothing left over: the source pool lost exactly the moved VMs (with their snapshots) and their
   * planned disks; every new record or disk in the destination belongs to a moved VM.
   */
  static void assertNoLeftovers(SimulatedPools pools, MigrationPlan plan, String runId) {
    PoolInventory a = pools.source.fresh();
    PoolInventory b = pools.destination.fresh();
    Map<String, MoveState> journaled = journaled(pools, runId);
    Set<String> moved =
        movable(plan).stream()
            .map(MovePlan::vmUuid)
            .filter(vm -> journaled.get(vm).phase() == MovePhase.SUCCEEDED)
            .collect(Collectors.toSet());
    Set<String> movedRecords = new HashSet<>(moved);
    pools.sourceBefore.vms().values().stream()
        .filter(vm -> moved.contains(vm.snapshotOfUuid()))
        .forEach(vm -> movedRecords.add(vm.uuid()));
    Set<String> movedDisks =
        movable(plan).stream()
            .filter(move -> moved.contains(move.vmUuid()))
            .flatMap(move -> move.disks().stream())
            .map(disk -> disk.vdiUuid())
            .collect(Collectors.toSet());

    Set<String> expectedA = records(pools.sourceBefore);
    expectedA.removeAll(movedRecords);
    assertThat(records(a)).as("VM records in the source pool").isEqualTo(expectedA);
    Set<String> expectedB = records(pools.destinationBefore);
    expectedB.addAll(movedRecords);
    assertThat(records(b)).as("VM records in the destination pool").isEqualTo(expectedB);

    Set<String> expectedDisksA = new HashSet<>(pools.sourceBefore.vdis().keySet());
    expectedDisksA.removeAll(movedDisks);
    assertThat(a.vdis().keySet())
        .as("disks in the source pool")
        .containsExactlyInAnyOrderElementsOf(expectedDisksA);
    Set<String> newDisksB = new HashSet<>(b.vdis().keySet());
    newDisksB.removeAll(pools.destinationBefore.vdis().keySet());
    assertThat(newDisksB).as("new disks in the destination pool").hasSize(movedDisks.size());
    Set<String> usedByMoved =
        b.vbds().values().stream()
            .filter(vbd -> movedRecords.contains(vbd.vmUuid()))
            .map(Vbd::vdiUuid)
            .collect(Collectors.toSet());
    assertThat(usedByMoved).as("new disks belong to moved VMs").containsAll(newDisksB);
  }

  /** VM records other than control domains and the memory fault's stand-in. */
  private static Set<String> records(PoolInventory pool) {
    return pool.vms().values().stream()
        .filter(vm -> !vm.isControlDomain() && !vm.nameLabel().equals(MEMORY_HOG))
        .map(Vm::uuid)
        .collect(Collectors.toCollection(HashSet::new));
  }

  private static Optional<Vm> running(PoolInventory pool, String vmUuid) {
    return pool.vm(vmUuid).filter(vm -> vm.powerState() == PowerState.RUNNING);
  }

  private static List<MovePlan> movable(MigrationPlan plan) {
    return plan.moves().stream().filter(move -> move.verdict() == Verdict.OK).toList();
  }

  private static Map<String, MoveState> journaled(SimulatedPools pools, String runId) {
    return pools.journal.moves(runId).stream()
        .collect(Collectors.toMap(MoveState::vmUuid, Function.identity()));
  }
}

package io.xemigrate.tests.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.coordinator.journal.Journal;
import io.xemigrate.coordinator.run.Cleanup;
import io.xemigrate.coordinator.run.CleanupResult;
import io.xemigrate.coordinator.run.Leftover;
import io.xemigrate.coordinator.run.RunOptions;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.simulator.migration.Fault;
import io.xemigrate.simulator.migration.FaultKind;
import io.xemigrate.storage.mapping.DiskMapping;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.PowerState;
import io.xemigrate.xapi.model.Vbd;
import io.xemigrate.xapi.model.Vm;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A simulator fault in one of five cross-pool moves, {@code run-resume}, then {@link Cleanup}: no
 * leftover VM or disk stays in either pool, and nothing that ran before the cleanup stops.
 */
class CleanupTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(
      value = FaultKind.class,
      names = {"FAIL_FINAL_HANDSHAKE", "FAIL_CLEANUP", "MIRROR_FAILED"})
  void removesWhatAFaultLeftAndNothingElse(FaultKind kind) {
    try (SimulatedPools pools = new SimulatedPools(dir.resolve("journal.db"))) {
      MigrationPlan plan = pools.planFive();
      String victim = pools.uuidOf("web-01");
      pools.migration.service().inject(Fault.migration(kind, victim));
      pools.coordinator(RunOptions.defaults()).apply("run-fault", plan);
      pools.coordinator(RunOptions.defaults()).resume("run-fault");
      Map<String, String> runningBefore = running(pools.source.fresh(), pools.destination.fresh());
      List<Vm> haltedBefore = halted(pools.sourceBefore);

      try (Journal unrelated = Journal.open(dir.resolve("other.db"), Clock.systemUTC())) {
        // Without the run in the journal nothing is tied to xe-migrate: nothing is touched.
        assertThat(Cleanup.clean(List.of(pools.clientA, pools.clientB), unrelated).removed())
            .isEmpty();
      }
      CleanupResult result = Cleanup.clean(List.of(pools.clientA, pools.clientB), pools.journal);
      CleanupResult again = Cleanup.clean(List.of(pools.clientA, pools.clientB), pools.journal);

      assertThat(result.ok()).as("%s", result.failed()).isTrue();
      if (kind == FaultKind.MIRROR_FAILED) {
        assertThat(result.removed()).isEmpty(); // xapi rolled its copies back itself
      } else {
        assertThat(result.removed()).extracting(Leftover::vmUuid).containsOnly(victim);
        assertThat(result.removed()).extracting(Leftover::kind).contains(Leftover.Kind.VDI);
      }
      assertThat(again.removed()).isEmpty();
      PoolInventory a = pools.source.fresh();
      PoolInventory b = pools.destination.fresh();
      pools.assertInvariants(plan, "run-fault");
      assertThat(running(a, b)).isEqualTo(runningBefore);
      assertThat(orphans(b)).isSubsetOf(orphans(pools.destinationBefore));
      assertThat(a.vdis().keySet())
          .as("disks of the moved VMs left in the source pool")
          .doesNotContainAnyElementsOf(movedDisks(plan, b));
      assertThat(a.vms().keySet()).doesNotContainAnyElementsOf(movedUuids(plan, b));
      assertThat(halted(a)).containsAll(haltedBefore);
    }
  }

  /** VM UUID to pool UUID, for every running guest of both pools. */
  private static Map<String, String> running(PoolInventory a, PoolInventory b) {
    return Stream.of(a, b)
        .flatMap(
            pool ->
                pool.guests().stream()
                    .filter(vm -> vm.powerState() == PowerState.RUNNING)
                    .map(vm -> Map.entry(vm.uuid(), pool.pool().uuid())))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private static List<Vm> halted(PoolInventory pool) {
    return pool.guests().stream().filter(vm -> vm.powerState() != PowerState.RUNNING).toList();
  }

  /** Disks no VBD uses. */
  private static Set<String> orphans(PoolInventory pool) {
    Set<String> used = pool.vbds().values().stream().map(Vbd::vdiUuid).collect(Collectors.toSet());
    return pool.vdis().keySet().stream()
        .filter(uuid -> !used.contains(uuid))
        .collect(Collectors.toSet());
  }

  /** The source disks of the moves whose VM now runs in the destination. */
  private static List<String> movedDisks(MigrationPlan plan, PoolInventory destination) {
    return plan.moves().stream()
        .filter(move -> destination.vm(move.vmUuid()).isPresent())
        .flatMap(move -> move.disks().stream())
        .filter(DiskMapping::moves)
        .map(DiskMapping::vdiUuid)
        .toList();
  }

  /** The VMs and snapshots that arrived in the destination with the plan's moves. */
  private static List<String> movedUuids(MigrationPlan plan, PoolInventory destination) {
    return destination.vms().values().stream()
        .filter(
            vm -> plan.move(vm.uuid()).isPresent() || plan.move(vm.snapshotOfUuid()).isPresent())
        .map(Vm::uuid)
        .toList();
  }
}

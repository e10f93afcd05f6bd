package io.xemigrate.coordinator.run;

import com.google.common.collect.ImmutableList;
import io.xemigrate.coordinator.move.MovePhase;
import io.xemigrate.coordinator.move.MoveState;
import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.storage.mapping.DiskMapping;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.PowerState;
import io.xemigrate.xapi.model.Vbd;
import io.xemigrate.xapi.model.Vdi;
import io.xemigrate.xapi.model.Vm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds, in one pool, what the journaled moves left behind, from snapshots of the pools alone (no
 * I/O). Conservative by construction: only moves of finished runs that ended SUCCEEDED, SKIPPED,
 * FAILED or CANCELLED are looked at (NEEDS_RECONCILE is run-resume's), only when their VM now runs
 * in exactly one pool, and only objects with no operation in progress.
 *
 * <ul>
 *   <li>A halted record with the moved VM's UUID in the pool where it does not run, and the
 *       snapshot records of that VM whose UUID the running pool also holds (a cross-pool move keeps
 *       UUIDs, so the pair can only be the two ends of that move).
 *   <li>Disks of those records, the source disks of a move that succeeded (the plan names them),
 *       and, for a move that failed, an unattached copy on the disk's planned destination SR with
 *       the source disk's name and size (what an interrupted storage copy leaves); each only when
 *       no VM other than a leftover record uses it.
 * </ul>
 *
 * A halted VM that shares a UUID with a running one but belongs to no journaled move (a disaster
 * recovery replica keeps UUIDs too) is never a leftover.
 */
final class LeftoverFinder {
  private final PoolInventory pool;
  private final Map<String, PoolInventory> pools;

  /**
   * @param pool the pool to clean
   * @param pools every pool that a run refers to and that could be read, by pool UUID
   */
  LeftoverFinder(PoolInventory pool, Map<String, PoolInventory> pools) {
    this.pool = pool;
    this.pools = pools;
  }

  ImmutableList<Leftover> find(List<JournaledRun> runs) {
    Map<String, Leftover> found = new LinkedHashMap<>();
    for (JournaledRun run : runs) {
      if (!run.finished()) {
        continue;
      }
      for (MoveState state : run.moves()) {
        Optional<MovePlan> move = run.plan().move(state.vmUuid());
        if (move.isPresent() && settled(state)) {
          forMove(run, move.get(), state, found);
        }
      }
    }
    List<Leftover> ordered = new ArrayList<>(found.values());
    ordered.sort((a, b) -> a.kind().compareTo(b.kind()));
    return ImmutableList.copyOf(ordered);
  }

  private static boolean settled(MoveState state) {
    return switch (state.phase()) {
      case SUCCEEDED, SKIPPED, FAILED, CANCELLED -> true;
      case PENDING,
          RECEIVING,
          VALIDATING,
          MIGRATING,
          VERIFYING,
          REATTACHING,
          RECOVERING,
          NEEDS_RECONCILE ->
          false;
    };
  }

  private void forMove(
      JournaledRun run, MovePlan move, MoveState state, Map<String, Leftover> found) {
    String vmUuid = move.vmUuid();
    List<PoolInventory> running = pools.values().stream().filter(p -> runs(p, vmUuid)).toList();
    if (running.size() != 1) {
      return; // nowhere or twice: not ours to settle here
    }
    PoolInventory home = running.get(0);
    boolean moved = state.phase() == MovePhase.SUCCEEDED || state.phase() == MovePhase.SKIPPED;
    String expectedHome =
        moved ? run.plan().destination().poolUuid() : run.plan().source().poolUuid();
    if (!home.pool().uuid().equals(expectedHome)) {
      return; // the journal and the pools disagree: leave it to run-resume and the user
    }
    List<Vm> records = new ArrayList<>();
    if (!home.pool().uuid().equals(pool.pool().uuid())) {
      pool.vm(vmUuid).filter(LeftoverFinder::idle).ifPresent(records::add);
      pool.vms().values().stream()
          .filter(vm -> vm.isSnapshot() && vm.snapshotOfUuid().equals(vmUuid))
          .filter(vm -> home.vm(vm.uuid()).isPresent() && idle(vm))
          .forEach(records::add);
    }
    for (Vm vm : records) {
      String what = vm.isSnapshot() ? "a snapshot of " + move.vmName() : move.vmName();
      add(found, Leftover.Kind.VM, vm.uuid(), vm.nameLabel(), run, move, halted(what, home));
    }
    Set<String> leftoverVms = records.stream().map(Vm::uuid).collect(Collectors.toSet());
    List<Vdi> disks = new ArrayList<>();
    records.forEach(vm -> disks.addAll(pool.disksOf(vm)));
    for (DiskMapping disk : move.disks()) {
      if (!disk.moves()) {
        continue;
      }
      if (moved) {
        pool.vdi(disk.vdiUuid()).ifPresent(disks::add);
      } else if (pool.pool().uuid().equals(run.plan().destination().poolUuid())) {
        home.vdi(disk.vdiUuid()).ifPresent(source -> disks.addAll(copiesOf(source, disk)));
      }
    }
    for (Vdi vdi : disks) {
      if (vdi.currentOperations().isEmpty() && onlyUsedBy(vdi, leftoverVms)) {
        add(
            found,
            Leftover.Kind.VDI,
            vdi.uuid(),
            vdi.nameLabel(),
            run,
            move,
            "disk of " + move.vmName() + " that no running VM uses after run " + run.runId());
      }
    }
  }

  /** Unattached disks on the planned SR with the source disk's name and size, not the source. */
  private List<Vdi> copiesOf(Vdi source, DiskMapping disk) {
    return pool.vdis().values().stream()
        .filter(vdi -> !vdi.uuid().equals(source.uuid()))
        .filter(vdi -> vdi.srUuid().equals(disk.destinationSrUuid()))
        .filter(vdi -> vdi.nameLabel().equals(source.nameLabel()))
        .filter(vdi -> vdi.virtualSize() == source.virtualSize())
        .filter(vdi -> users(vdi).isEmpty())
        .toList();
  }

  private boolean onlyUsedBy(Vdi vdi, Set<String> leftoverVms) {
    return leftoverVms.containsAll(users(vdi));
  }

  private Set<String> users(Vdi vdi) {
    return pool.vbds().values().stream()
        .filter(vbd -> vbd.vdiUuid().equals(vdi.uuid()))
        .map(Vbd::vmUuid)
        .collect(Collectors.toSet());
  }

  private static boolean runs(PoolInventory inventory, String vmUuid) {
    return inventory.vm(vmUuid).map(vm -> vm.powerState() == PowerState.RUNNING).orElse(false);
  }

  private static boolean idle(Vm vm) {
    return vm.powerState() == PowerState.HALTED
        && vm.currentOperations().isEmpty()
        && !vm.isControlDomain()
        && !vm.isTemplate();
  }

  private static String halted(String what, PoolInventory home) {
    return "halted duplicate of " + what + ", which runs in pool " + home.pool().nameLabel();
  }

  private void add(
      Map<String, Leftover> found,
      Leftover.Kind kind,
      String uuid,
      String name,
      JournaledRun run,
      MovePlan move,
      String reason) {
    found.putIfAbsent(
        uuid,
        new Leftover(kind, pool.pool().uuid(), uuid, name, run.runId(), move.vmUuid(), reason));
  }
}

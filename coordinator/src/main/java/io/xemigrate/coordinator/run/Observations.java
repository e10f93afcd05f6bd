package io.xemigrate.coordinator.run;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.xemigrate.coordinator.move.Observation;
import io.xemigrate.coordinator.move.Observation.CallFailure;
import io.xemigrate.coordinator.move.Observation.TaskView;
import io.xemigrate.coordinator.move.VmWhereabouts;
import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.PowerState;
import io.xemigrate.xapi.model.Vdi;
import io.xemigrate.xapi.model.Vif;
import io.xemigrate.xapi.model.Vm;
import java.util.Optional;

/**
 * Builds the transition function's input from both pools' snapshots: where the VM runs (by UUID in
 * both pools), its VIFs on the destination by MAC, its disks against the plan's SRs.
 */
final class Observations {
  private Observations() {}

  static Observation of(
      MovePlan move,
      PoolInventory source,
      PoolInventory destination,
      Optional<TaskView> task,
      Optional<CallFailure> failure,
      boolean cancel) {
    VmWhereabouts where = whereabouts(move, source, destination);
    boolean arrived =
        where == VmWhereabouts.ON_DESTINATION || where == VmWhereabouts.ON_DESTINATION_OTHER_HOST;
    ImmutableList<String> detached = ImmutableList.of();
    ImmutableList<String> missing = ImmutableList.of();
    ImmutableList<String> offPlan = ImmutableList.of();
    if (arrived) {
      Vm vm = destination.vm(move.vmUuid()).orElseThrow();
      ImmutableList<Vif> vifs = destination.vifsOf(vm);
      detached =
          vifs.stream()
              .filter(vif -> !vif.currentlyAttached())
              .map(Vif::device)
              .sorted()
              .collect(ImmutableList.toImmutableList());
      ImmutableSet<String> macs =
          vifs.stream().map(vif -> vif.mac().toLowerCase()).collect(ImmutableSet.toImmutableSet());
      missing =
          move.nics().stream()
              .filter(nic -> !nic.snapshot() && !macs.contains(nic.mac().toLowerCase()))
              .map(nic -> nic.mac())
              .collect(ImmutableList.toImmutableList());
      ImmutableSet<String> plannedSrs =
          move.disks().stream()
              .filter(disk -> !disk.snapshot())
              .map(disk -> disk.destinationSrUuid())
              .collect(ImmutableSet.toImmutableSet());
      offPlan =
          plannedSrs.isEmpty()
              ? ImmutableList.of()
              : destination.disksOf(vm).stream()
                  .filter(vdi -> !plannedSrs.contains(vdi.srUuid()))
                  .map(Vdi::uuid)
                  .collect(ImmutableList.toImmutableList());
    }
    return new Observation(where, task, detached, missing, offPlan, failure, cancel);
  }

  /**
   * Where the VM is. A record that does not run (the import of a migration under way, or what a
   * failed one left) does not count against a running copy elsewhere: cleanup deals with it.
   */
  static VmWhereabouts whereabouts(MovePlan move, PoolInventory source, PoolInventory destination) {
    Optional<Vm> atSource = source.vm(move.vmUuid());
    boolean samePool = source.pool().uuid().equals(destination.pool().uuid());
    Optional<Vm> atDestination = samePool ? Optional.empty() : destination.vm(move.vmUuid());
    boolean sourceRuns = atSource.map(Observations::runs).orElse(false);
    boolean destinationRuns = atDestination.map(Observations::runs).orElse(false);
    if (sourceRuns && destinationRuns) {
      return VmWhereabouts.IN_BOTH_POOLS;
    }
    if (destinationRuns) {
      return onHost(atDestination.get(), move.destinationHostUuid())
          ? VmWhereabouts.ON_DESTINATION
          : VmWhereabouts.ON_DESTINATION_OTHER_HOST;
    }
    if (sourceRuns) {
      Vm vm = atSource.get();
      if (samePool && onHost(vm, move.destinationHostUuid())) {
        return VmWhereabouts.ON_DESTINATION;
      }
      return onHost(vm, move.sourceHostUuid())
          ? VmWhereabouts.ON_SOURCE_RUNNING
          : samePool ? VmWhereabouts.ON_DESTINATION_OTHER_HOST : VmWhereabouts.ON_SOURCE_OTHER_HOST;
    }
    return atSource.isPresent() ? VmWhereabouts.ON_SOURCE_NOT_RUNNING : VmWhereabouts.NOWHERE;
  }

  private static boolean runs(Vm vm) {
    return vm.powerState() == PowerState.RUNNING && !vm.residentOnHostUuid().isEmpty();
  }

  private static boolean onHost(Vm vm, String hostUuid) {
    return vm.residentOnHostUuid().equals(hostUuid);
  }
}

package io.xemigrate.planner.predict;

import com.google.common.collect.ImmutableList;
import io.xemigrate.storage.estimate.DiskCopy;
import io.xemigrate.xapi.model.Vm;
import java.util.List;

/**
 * Builds the scheduler's input for a placed VM: populated memory and dirtying from the VM record
 * (through {@link DirtyRateEstimator}), the rest from the placement. The glue between a plan's
 * placements and the predictor, so the plan's own types need not be known here.
 */
public final class MoveDemands {
  private final DirtyRateEstimator estimator;

  /** Demands whose dirtying comes from {@code estimator}. */
  public MoveDemands(DirtyRateEstimator estimator) {
    this.estimator = estimator;
  }

  /**
   * The move of {@code vm} from the host it runs on to {@code destinationHostUuid}.
   *
   * @param disks the disks the placement copies (empty when they stay on shared storage)
   * @param crossPool whether the destination is in another pool
   * @param priority the move's priority in the batch
   */
  public MoveDemand of(
      Vm vm, String destinationHostUuid, List<DiskCopy> disks, boolean crossPool, int priority) {
    long memory = DirtyRateEstimator.populatedMemory(vm);
    return new MoveDemand(
        vm.uuid(),
        vm.residentOnHostUuid(),
        destinationHostUuid,
        memory,
        estimator.estimate(vm, memory).profile(),
        ImmutableList.copyOf(disks),
        priority,
        crossPool);
  }
}

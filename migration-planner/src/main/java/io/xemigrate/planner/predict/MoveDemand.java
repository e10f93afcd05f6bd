package io.xemigrate.planner.predict;

import com.google.common.collect.ImmutableList;
import io.xemigrate.storage.estimate.DiskCopy;
import java.util.List;

/**
 * One move to predict and schedule: the scheduler's own input, independent of the plan records.
 *
 * @param vmUuid the VM
 * @param sourceHostUuid where it runs now
 * @param destinationHostUuid where it goes
 * @param memoryPopulatedBytes memory actually populated (what pre-copy sends), not {@code
 *     memory_static_max}
 * @param dirty how fast it dirties memory
 * @param disks disks to copy before memory (storage motion), in xapi's copy order; empty when all
 *     disks stay on shared storage
 * @param priority larger moves earlier when makespan and downtime tie, and first inside a deadline
 * @param crossPool whether the move leaves the pool (different fixed setup cost)
 */
public record MoveDemand(
    String vmUuid,
    String sourceHostUuid,
    String destinationHostUuid,
    long memoryPopulatedBytes,
    DirtyProfile dirty,
    ImmutableList<DiskCopy> disks,
    int priority,
    boolean crossPool) {

  /** Rejects negative memory and a move to the host it leaves. */
  public MoveDemand {
    if (memoryPopulatedBytes < 0) {
      throw new IllegalArgumentException("memoryPopulatedBytes must be >= 0 for VM " + vmUuid);
    }
    if (sourceHostUuid.equals(destinationHostUuid)) {
      throw new IllegalArgumentException("VM " + vmUuid + " moves to the host it leaves");
    }
  }

  /** A memory-only move inside a pool with priority 0. */
  public static MoveDemand memoryOnly(
      String vmUuid, String source, String destination, long memoryBytes, DirtyProfile dirty) {
    return new MoveDemand(
        vmUuid, source, destination, memoryBytes, dirty, ImmutableList.of(), 0, false);
  }

  /** This move with other disks to copy. */
  public MoveDemand withDisks(List<DiskCopy> newDisks) {
    return new MoveDemand(
        vmUuid,
        sourceHostUuid,
        destinationHostUuid,
        memoryPopulatedBytes,
        dirty,
        ImmutableList.copyOf(newDisks),
        priority,
        crossPool);
  }

  /** This move with another priority. */
  public MoveDemand withPriority(int newPriority) {
    return new MoveDemand(
        vmUuid,
        sourceHostUuid,
        destinationHostUuid,
        memoryPopulatedBytes,
        dirty,
        disks,
        newPriority,
        crossPool);
  }

  /** The bytes of every disk copy. */
  public long diskBytes() {
    long total = 0;
    for (DiskCopy disk : disks) {
      total += disk.bytesToCopy();
    }
    return total;
  }
}

package io.xemigrate.simulator.physics;

import com.google.common.collect.ImmutableList;

/**
 * What one migration has to move and over which resources.
 *
 * @param id unique among running migrations
 * @param populatedMemoryBytes memory actually sent: populated pages, not memory_static_max
 *     (docs/migration-model.md#populated-memory)
 * @param dirty the guest's dirtying behaviour while it runs
 * @param disks VDIs to move, in the order xapi moves them (one after another)
 * @param networkResources shared resources of the memory and disk stream (sending NIC, receiving
 *     NIC); each is a key of the engine's capacities
 * @param streamCapBytesPerSecond ceiling of one stream (xenguest plus stunnel CPU cost)
 * @param importsMetadata whether a metadata import separates disks and memory (cross-pool)
 */
public record MigrationSpec(
    String id,
    long populatedMemoryBytes,
    Dirtying dirty,
    ImmutableList<DiskCopy> disks,
    ImmutableList<String> networkResources,
    double streamCapBytesPerSecond,
    boolean importsMetadata) {

  public MigrationSpec {
    if (populatedMemoryBytes < 0) {
      throw new IllegalArgumentException("memory must not be negative");
    }
    if (!(streamCapBytesPerSecond > 0) || Double.isInfinite(streamCapBytesPerSecond)) {
      throw new IllegalArgumentException("stream cap must be positive and finite");
    }
  }

  /** Sum of the disks' virtual sizes, the denominator of disk-phase progress. */
  public long totalVirtualSize() {
    return disks.stream().mapToLong(DiskCopy::virtualSize).sum();
  }
}

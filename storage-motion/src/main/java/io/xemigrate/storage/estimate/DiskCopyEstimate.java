package io.xemigrate.storage.estimate;

import com.google.common.collect.ImmutableList;

/**
 * How long a move's disk phase takes.
 *
 * @param totalSeconds the whole disk phase: xapi copies a VM's disks one after another
 * @param perDiskSeconds each disk's share (setup plus copy), in the order given
 * @param bytes the bytes all copies move
 */
public record DiskCopyEstimate(
    double totalSeconds, ImmutableList<Double> perDiskSeconds, long bytes) {

  /** No disk to copy (shared storage, or an intra-pool move without storage motion). */
  public static final DiskCopyEstimate NONE = new DiskCopyEstimate(0, ImmutableList.of(), 0);
}

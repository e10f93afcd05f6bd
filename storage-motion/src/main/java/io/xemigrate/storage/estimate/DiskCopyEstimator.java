package io.xemigrate.storage.estimate;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Map;

/**
 * Estimates the disk phase of a storage motion at a constant link rate.
 *
 * <p>Model (docs/migration-model.md#disk-copy): xapi copies a VM's disks one after another, so T =
 * Σ_d (T_setup + A_d / r_d) with A_d the allocated bytes of disk d and r_d = min(link rate, source
 * SR read, destination SR write). T_setup covers the snapshot, the datapath and the SR scan.
 *
 * <p>Limitations: the guest's own disk writes during the copy (mirrored to the destination) are not
 * added to the link load; SR throughput is what is left for this copy, so the caller divides it
 * among concurrent copies (the planner's scheduler does, with max-min fair sharing).
 *
 * @param setupSecondsPerDisk the fixed cost of each disk's snapshot, datapath and SR scan
 * @param srThroughputs measured throughputs by SR UUID
 * @param unmeasuredSr the throughput assumed for an SR without a measurement
 */
public record DiskCopyEstimator(
    double setupSecondsPerDisk,
    Map<String, SrThroughput> srThroughputs,
    SrThroughput unmeasuredSr) {

  /** Default setup per disk: 5 s, an assumption to calibrate from the journal of real moves. */
  public static final double DEFAULT_SETUP_SECONDS_PER_DISK = 5.0;

  /** Copies the map; rejects a negative setup time. */
  public DiskCopyEstimator {
    if (!(setupSecondsPerDisk >= 0)) {
      throw new IllegalArgumentException("setupSecondsPerDisk must be >= 0");
    }
    srThroughputs = Map.copyOf(srThroughputs);
  }

  /** The default setup time, every SR at {@link SrThroughput#UNMEASURED}. */
  public static DiskCopyEstimator defaults() {
    return new DiskCopyEstimator(DEFAULT_SETUP_SECONDS_PER_DISK, Map.of(), SrThroughput.UNMEASURED);
  }

  /** The throughput of {@code srUuid}, or the unmeasured default. */
  public SrThroughput throughputOf(String srUuid) {
    return srThroughputs.getOrDefault(srUuid, unmeasuredSr);
  }

  /** The copy rate of one disk: the slowest of the link share and the two SRs. */
  public double rateOf(DiskCopy disk, double linkBytesPerSecond) {
    return Math.min(
        linkBytesPerSecond,
        Math.min(
            throughputOf(disk.sourceSrUuid()).readBytesPerSecond(),
            throughputOf(disk.destinationSrUuid()).writeBytesPerSecond()));
  }

  /** The disk phase of a move whose copies get {@code linkBytesPerSecond} on the network. */
  public DiskCopyEstimate estimate(List<DiskCopy> disks, double linkBytesPerSecond) {
    if (!(linkBytesPerSecond > 0)) {
      throw new IllegalArgumentException("linkBytesPerSecond must be > 0");
    }
    if (disks.isEmpty()) {
      return DiskCopyEstimate.NONE;
    }
    ImmutableList.Builder<Double> perDisk = ImmutableList.builder();
    double total = 0;
    long bytes = 0;
    for (DiskCopy disk : disks) {
      double seconds = setupSecondsPerDisk + disk.bytesToCopy() / rateOf(disk, linkBytesPerSecond);
      perDisk.add(seconds);
      total += seconds;
      bytes += disk.bytesToCopy();
    }
    return new DiskCopyEstimate(total, perDisk.build(), bytes);
  }
}

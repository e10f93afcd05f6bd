package io.xemigrate.planner.schedule;

import com.google.common.collect.ImmutableList;
import io.xemigrate.planner.predict.MoveDemand;
import io.xemigrate.storage.estimate.DiskCopy;
import java.util.ArrayList;
import java.util.List;

/**
 * Storage motion mirrors the guest's new writes to the destination while a disk is copied
 * (docs/migration-model.md#disk-copy): a disk of A bytes copied at rate r by a guest writing w to
 * it sends A + w·t with t the copy's duration, so A·r/(r − w) in all. The write rates are the RRDs'
 * ({@code vbd_DEV_write}, {@link PoolObservations}), split over the VM's copied disks by size; a
 * guest writing at least as fast as the copy runs is taken at {@link #MOST_GROWTH} times the disk
 * (the copy never catches up: the model's bound, not a prediction).
 */
public final class MirroredWrites {
  /** The most a mirror makes a copy grow. */
  public static final double MOST_GROWTH = 5;

  private MirroredWrites() {}

  /** The moves with each copied disk grown by the writes mirrored during its copy. */
  public static List<MoveDemand> apply(
      List<MoveDemand> moves, PoolObservations observed, Topology topology) {
    List<MoveDemand> grown = new ArrayList<>();
    for (MoveDemand move : moves) {
      double writes = observed.diskWriteBytesPerSecond().getOrDefault(move.vmUuid(), 0.0);
      long total = move.diskBytes();
      if (writes <= 0 || total <= 0) {
        grown.add(move);
        continue;
      }
      double link = topology.soloRate(move);
      ImmutableList.Builder<DiskCopy> disks = ImmutableList.builder();
      for (DiskCopy disk : move.disks()) {
        double rate = topology.storage().rateOf(disk, link);
        double share = writes * disk.bytesToCopy() / total;
        double growth = share < rate ? rate / (rate - share) : MOST_GROWTH;
        disks.add(
            new DiskCopy(
                disk.vdiUuid(),
                (long) (disk.bytesToCopy() * Math.min(MOST_GROWTH, growth)),
                disk.sourceSrUuid(),
                disk.destinationSrUuid()));
      }
      grown.add(move.withDisks(disks.build()));
    }
    return grown;
  }
}

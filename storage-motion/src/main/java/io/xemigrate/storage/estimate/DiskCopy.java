package io.xemigrate.storage.estimate;

import io.xemigrate.xapi.model.Vdi;

/**
 * One disk that a move copies from one SR to another (storage motion).
 *
 * @param vdiUuid the disk
 * @param bytesToCopy the allocated bytes the copy moves (physical utilisation, snapshots and
 *     suspend images counted as their own disks), never the virtual size
 * @param sourceSrUuid the SR the copy reads from
 * @param destinationSrUuid the SR the copy writes to
 */
public record DiskCopy(
    String vdiUuid, long bytesToCopy, String sourceSrUuid, String destinationSrUuid) {

  /** Rejects negative sizes: a negative byte count would make a copy finish before it starts. */
  public DiskCopy {
    if (bytesToCopy < 0) {
      throw new IllegalArgumentException("bytesToCopy must be >= 0 for VDI " + vdiUuid);
    }
  }

  /**
   * The copy of {@code vdi} to {@code destinationSrUuid}: xapi's copy (sparse_dd or the NBD mirror)
   * moves allocated blocks only, so the size is the physical utilisation.
   */
  public static DiskCopy of(Vdi vdi, String destinationSrUuid) {
    return new DiskCopy(
        vdi.uuid(), Math.max(0, vdi.physicalUtilisation()), vdi.srUuid(), destinationSrUuid);
  }
}

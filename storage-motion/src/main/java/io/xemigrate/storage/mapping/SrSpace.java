package io.xemigrate.storage.mapping;

import com.google.common.collect.ImmutableSet;
import io.xemigrate.xapi.model.Sr;
import io.xemigrate.xapi.model.Vdi;

/**
 * How much room a disk takes on an SR.
 *
 * <p>Thick-provisioned LVM SRs inflate a VHD to its full virtual size while it is attached (the
 * mirror's leaf and the source snapshot's leaf are attached), so they need the virtual size; file
 * SRs grow with the data, so they need what the disk uses now.
 */
public final class SrSpace {
  private static final ImmutableSet<String> THICK =
      ImmutableSet.of("lvm", "lvmoiscsi", "lvmohba", "lvmofcoe", "largeblock");

  private SrSpace() {}

  /** Whether the SR allocates a disk's full virtual size. */
  public static boolean isThick(Sr sr) {
    return THICK.contains(sr.type());
  }

  /** Bytes a copy of the disk takes on the destination SR. */
  public static long bytesOnDestination(Sr destination, Vdi vdi) {
    return isThick(destination) ? vdi.virtualSize() : vdi.physicalUtilisation();
  }

  /**
   * Bytes the mirror's snapshot takes on the source SR while the disk is copied (xapi's mirror step
   * 3): a fresh leaf that a thick SR inflates to the virtual size. On a thin SR the leaf only grows
   * with the guest's writes during the copy, which we cannot know: 0.
   */
  public static long mirrorSnapshotBytes(Sr source, Vdi vdi) {
    return isThick(source) ? vdi.virtualSize() : 0;
  }

  /** Free bytes after the plan's earlier copies. */
  public static long freeAfterPlanned(Sr sr, SrLedger ledger) {
    return sr.freeSpace() - ledger.planned(sr.uuid());
  }
}

package io.xemigrate.storage.mapping;

import com.google.common.collect.ImmutableList;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.Sr;
import io.xemigrate.xapi.model.Vdi;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Chooses a destination SR by rule: among the SRs a host sees that hold user disks and accept
 * storage motion, the one with the most room left after the copy, provided it keeps its headroom.
 */
final class SrChooser {
  private static final Comparator<Sr> BY_UUID = Comparator.comparing(Sr::uuid);

  private final PoolInventory destination;
  private final double headroomFraction;
  private final Map<String, List<Sr>> receivingByHost = new HashMap<>();

  SrChooser(PoolInventory destination, double headroomFraction) {
    this.destination = destination;
    this.headroomFraction = headroomFraction;
  }

  /** The SR with the most free space after this copy among those that keep their headroom. */
  Optional<Sr> roomiest(
      List<Sr> candidates,
      Predicate<Sr> wanted,
      VmDisk disk,
      List<Vdi> children,
      SrLedger ledger,
      Map<String, Long> tally) {
    Sr best = null;
    long bestFree = Long.MIN_VALUE;
    for (Sr sr : candidates) {
      if (!wanted.test(sr)) {
        continue;
      }
      long bytes = SrSpace.bytesOnDestination(sr, disk.vdi());
      for (Vdi child : children) {
        bytes += SrSpace.bytesOnDestination(sr, child);
      }
      long after = SrSpace.freeAfterPlanned(sr, ledger) - tally.getOrDefault(sr.uuid(), 0L) - bytes;
      if (after < (long) Math.ceil(headroomFraction * sr.physicalSize())) {
        continue;
      }
      if (after > bestFree) {
        best = sr;
        bestFree = after;
      }
    }
    return Optional.ofNullable(best);
  }

  /** SRs the host sees that hold user disks and accept storage motion, in UUID order. */
  List<Sr> receiving(String hostUuid) {
    return receivingByHost.computeIfAbsent(
        hostUuid,
        host ->
            destination.srs().values().stream()
                .filter(sr -> sr.visibleFrom(host))
                .filter(SrCapabilities::holdsUserDisks)
                .filter(sr -> SrCapabilities.missingToReceive(sr).isEmpty())
                .sorted(BY_UUID)
                .collect(ImmutableList.toImmutableList()));
  }
}

package io.xemigrate.planner.check;

import io.xemigrate.planner.Codes;
import io.xemigrate.planner.Finding;
import io.xemigrate.storage.mapping.DiskMapping;
import io.xemigrate.storage.mapping.SrSpace;
import io.xemigrate.xapi.model.Sr;
import io.xemigrate.xapi.model.Vdi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Mirroring a disk first snapshots it on its source SR (docs/xapi-behaviour.md#disk-mirroring step
 * 3), so the source SR needs room for that snapshot; on a full SR the move fails with {@code
 * SR_SOURCE_SPACE_INSUFFICIENT [sr]}. Disks are mirrored one at a time, so the largest snapshot per
 * SR counts.
 */
public final class SourceSpaceCheck implements HostCheck {
  @Override
  public boolean readsOnlyTheDiskMap() {
    return true;
  }

  @Override
  public List<Finding> check(HostContext context) {
    Map<String, Long> needed = new TreeMap<>();
    for (DiskMapping disk : context.diskMap().moving()) {
      Optional<Vdi> vdi = context.move().source().vdi(disk.vdiUuid());
      Optional<Sr> sr = context.move().source().sr(disk.sourceSrUuid());
      if (disk.snapshot() || vdi.isEmpty() || sr.isEmpty() || vdi.get().readOnly()) {
        continue; // snapshot and read-only disks are copied, not mirrored
      }
      needed.merge(sr.get().uuid(), SrSpace.mirrorSnapshotBytes(sr.get(), vdi.get()), Math::max);
    }
    List<Finding> findings = new ArrayList<>();
    needed.forEach(
        (srUuid, bytes) -> {
          Sr sr = context.move().source().srs().get(srUuid);
          if (bytes > sr.freeSpace()) {
            findings.add(
                Finding.blocker(
                    Codes.SR_SOURCE_SPACE_INSUFFICIENT,
                    List.of(srUuid),
                    List.of(context.vmUuid(), srUuid),
                    "Source SR "
                        + sr.nameLabel()
                        + " has "
                        + sr.freeSpace()
                        + " bytes free; the mirror snapshot needs "
                        + bytes
                        + ".",
                    "Free space on the source SR, or move the VM halted."));
          }
        });
    return findings;
  }
}

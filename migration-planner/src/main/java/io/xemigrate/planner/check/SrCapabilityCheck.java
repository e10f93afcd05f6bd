package io.xemigrate.planner.check;

import io.xemigrate.planner.Codes;
import io.xemigrate.planner.Finding;
import io.xemigrate.storage.mapping.DiskMapping;
import io.xemigrate.storage.mapping.SrCapabilities;
import io.xemigrate.xapi.model.Sr;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each disk that moves needs a source SR that can send ({@code VDI_SNAPSHOT}, {@code VDI_MIRROR})
 * and a destination SR that can receive ({@code VDI_SNAPSHOT}, {@code VDI_MIRROR_IN}): {@code
 * SR_DOES_NOT_SUPPORT_MIGRATION [sr; "CAP1;CAP2"]} naming the missing capabilities
 * (docs/xapi-behaviour.md#sr-capabilities).
 */
public final class SrCapabilityCheck implements HostCheck {
  @Override
  public boolean readsOnlyTheDiskMap() {
    return true;
  }

  @Override
  public List<Finding> check(HostContext context) {
    Map<String, Finding> bySr = new LinkedHashMap<>();
    for (DiskMapping disk : context.diskMap().moving()) {
      Optional<Sr> from = context.move().source().sr(disk.sourceSrUuid());
      if (from.isPresent() && !bySr.containsKey(from.get().uuid())) {
        List<String> missing = SrCapabilities.missingToSend(from.get());
        if (!missing.isEmpty()) {
          bySr.put(from.get().uuid(), finding(context, from.get(), missing, "send"));
        }
      }
      Optional<Sr> to = context.move().destination().sr(disk.destinationSrUuid());
      if (to.isPresent() && !bySr.containsKey(to.get().uuid())) {
        List<String> missing = SrCapabilities.missingToReceive(to.get());
        if (!missing.isEmpty()) {
          bySr.put(to.get().uuid(), finding(context, to.get(), missing, "receive"));
        }
      }
    }
    return List.copyOf(bySr.values());
  }

  private static Finding finding(HostContext context, Sr sr, List<String> missing, String role) {
    return Finding.blocker(
        Codes.SR_DOES_NOT_SUPPORT_MIGRATION,
        List.of(sr.uuid(), String.join(";", missing)),
        List.of(context.vmUuid(), sr.uuid()),
        "SR "
            + sr.nameLabel()
            + " ("
            + sr.type()
            + ") cannot "
            + role
            + " a live disk copy: it lacks "
            + String.join(" and ", missing)
            + ".",
        "Map the disks to an SR of another type (ext, nfs, lvm, lvmoiscsi...), or move the VM"
            + " halted with a disk export.");
  }
}

package io.xemigrate.planner.check;

import io.xemigrate.planner.Codes;
import io.xemigrate.planner.Finding;
import io.xemigrate.storage.mapping.DiskMapping;
import io.xemigrate.xapi.model.Sr;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every SR holding one of the VM's disks after the move must be attached on the destination host:
 * {@code VM_REQUIRES_SR [vm; sr]} (docs/xapi-behaviour.md#boot-checks step 8).
 */
public final class SrVisibilityCheck implements HostCheck {
  @Override
  public List<Finding> check(HostContext context) {
    Map<String, Finding> bySr = new LinkedHashMap<>();
    for (DiskMapping disk : context.diskMap().mappings()) {
      if (disk.snapshot() || bySr.containsKey(disk.destinationSrUuid())) {
        continue;
      }
      Optional<Sr> sr = context.move().destination().sr(disk.destinationSrUuid());
      if (sr.isPresent() && !sr.get().visibleFrom(context.hostUuid())) {
        bySr.put(
            sr.get().uuid(),
            Finding.blocker(
                Codes.VM_REQUIRES_SR,
                List.of(context.vmUuid(), sr.get().uuid()),
                List.of(context.vmUuid(), sr.get().uuid(), context.hostUuid()),
                "Host "
                    + context.host().nameLabel()
                    + " does not see SR "
                    + sr.get().nameLabel()
                    + ", which would hold a disk of the VM.",
                "Plug the SR's PBD on the host, or map the disk to an SR the host sees."));
      }
    }
    return List.copyOf(bySr.values());
  }
}

package io.xemigrate.planner.check;

import io.xemigrate.planner.Codes;
import io.xemigrate.planner.Finding;
import io.xemigrate.storage.mapping.SrSpace;
import io.xemigrate.xapi.model.Sr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Each destination SR must hold the VM's copies on top of every copy the plan already sends there;
 * a full SR makes the SM driver fail with {@code SR_BACKEND_FAILURE_44 [""; "There is insufficient
 * space"; ""]}.
 */
public final class DestinationSpaceCheck implements HostCheck {
  static final List<String> PARAMS = List.of("", "There is insufficient space", "");

  @Override
  public boolean readsOnlyTheDiskMap() {
    return true;
  }

  @Override
  public List<Finding> check(HostContext context) {
    List<Finding> findings = new ArrayList<>();
    context
        .diskMap()
        .bytesBySr()
        .forEach(
            (srUuid, bytes) -> {
              Optional<Sr> sr = context.move().destination().sr(srUuid);
              if (sr.isEmpty()) {
                return;
              }
              long free = SrSpace.freeAfterPlanned(sr.get(), context.srLedger());
              if (bytes > free) {
                findings.add(
                    Finding.blocker(
                        Codes.SR_BACKEND_FAILURE_44,
                        PARAMS,
                        List.of(context.vmUuid(), srUuid),
                        "SR "
                            + sr.get().nameLabel()
                            + " has "
                            + Math.max(0, free)
                            + " bytes free after the plan's earlier copies; this VM needs "
                            + bytes
                            + ".",
                        "Map some disks to another SR (vdi:<uuid>=<sr>), or free space."));
              }
            });
    return findings;
  }
}

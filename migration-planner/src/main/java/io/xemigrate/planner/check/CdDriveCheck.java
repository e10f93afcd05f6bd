package io.xemigrate.planner.check;

import io.xemigrate.planner.Codes;
import io.xemigrate.planner.Finding;
import io.xemigrate.xapi.model.PowerState;
import io.xemigrate.xapi.model.Vbd;
import java.util.List;

/**
 * xapi ejects every inserted CD of a VM it storage-migrates (docs/xapi-behaviour.md#migrate-send
 * S9) and does not insert it again; suspended VMs are exempt. A warning per CD, for cross-pool
 * moves.
 */
public final class CdDriveCheck implements VmCheck {
  @Override
  public List<Finding> check(MoveContext context) {
    if (context.intraPool() || context.vm().powerState() == PowerState.SUSPENDED) {
      return List.of();
    }
    return context.source().vbdsOf(context.vm()).stream()
        .filter(vbd -> vbd.type() == Vbd.Type.CD && !vbd.empty() && !vbd.vdiUuid().isEmpty())
        .map(
            vbd ->
                Finding.warning(
                    Codes.CD_WILL_BE_EJECTED,
                    List.of(context.vmUuid(), vbd.vdiUuid()),
                    List.of(context.vmUuid(), vbd.uuid(), vbd.vdiUuid()),
                    "The CD in drive "
                        + vbd.userdevice()
                        + " of "
                        + context.vm().nameLabel()
                        + " will be ejected by the move.",
                    "Insert the ISO again on the destination if the guest needs it."))
        .toList();
  }
}

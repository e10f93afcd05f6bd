package io.xemigrate.planner.check;

import io.xemigrate.planner.Codes;
import io.xemigrate.planner.Finding;
import io.xemigrate.storage.mapping.DiskMapping;
import io.xemigrate.xapi.model.Vdi;
import java.util.List;
import java.util.Optional;

/**
 * A disk that moves must not have changed block tracking on: {@code VDI_CBT_ENABLED [vdi]}
 * (docs/xapi-behaviour.md#cbt-and-encryption, last on purpose in xapi: it is the error a client can
 * fix and retry).
 */
public final class CbtCheck implements HostCheck {
  @Override
  public boolean readsOnlyTheDiskMap() {
    return true;
  }

  @Override
  public List<Finding> check(HostContext context) {
    return context.diskMap().moving().stream()
        .map(DiskMapping::vdiUuid)
        .map(uuid -> context.move().source().vdi(uuid))
        .flatMap(Optional::stream)
        .filter(Vdi::cbtEnabled)
        .map(
            vdi ->
                Finding.blocker(
                    Codes.VDI_CBT_ENABLED,
                    List.of(vdi.uuid()),
                    List.of(context.vmUuid(), vdi.uuid()),
                    "Disk " + vdi.nameLabel() + " has changed block tracking on.",
                    "Disable CBT (xe vdi-disable-cbt); the next backup will be a full one."))
        .toList();
  }
}

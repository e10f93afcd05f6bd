package io.xemigrate.planner.check;

import io.xemigrate.planner.Codes;
import io.xemigrate.planner.Finding;
import io.xemigrate.storage.mapping.DiskMapping;
import java.util.List;
import java.util.Optional;

/** An encrypted disk ({@code sm_config:key_hash}) cannot move: {@code VDI_IS_ENCRYPTED [vdi]}. */
public final class EncryptionCheck implements HostCheck {
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
        .filter(vdi -> vdi.smConfig().containsKey("key_hash"))
        .map(
            vdi ->
                Finding.blocker(
                    Codes.VDI_IS_ENCRYPTED,
                    List.of(vdi.uuid()),
                    List.of(context.vmUuid(), vdi.uuid()),
                    "Disk " + vdi.nameLabel() + " is encrypted; xapi does not migrate it.",
                    "Leave the disk on storage the destination host sees, or move it offline."))
        .toList();
  }
}

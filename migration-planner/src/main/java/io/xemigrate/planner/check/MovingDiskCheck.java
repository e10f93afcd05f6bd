package io.xemigrate.planner.check;

import io.xemigrate.planner.Codes;
import io.xemigrate.planner.Finding;
import io.xemigrate.storage.mapping.DiskMapping;
import io.xemigrate.xapi.model.Vdi;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A disk that moves to another SR must have changed block tracking off ({@code VDI_CBT_ENABLED
 * [vdi]}) and must not be encrypted ({@code sm_config:key_hash}, {@code VDI_IS_ENCRYPTED [vdi]}).
 * xapi checks both per disk, CBT first, last of all in {@code assert_can_migrate} ({@code
 * assert_can_migrate_vdis} in {@code ocaml/xapi/xapi_vm_migrate.ml}): the errors a client can fix
 * and retry (docs/xapi-behaviour.md#cbt-and-encryption, D1).
 */
public final class MovingDiskCheck implements HostCheck {
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
        .flatMap(vdi -> findings(context, vdi))
        .toList();
  }

  private static Stream<Finding> findings(HostContext context, Vdi vdi) {
    Stream.Builder<Finding> findings = Stream.builder();
    if (vdi.cbtEnabled()) {
      findings.add(
          Finding.blocker(
              Codes.VDI_CBT_ENABLED,
              List.of(vdi.uuid()),
              List.of(context.vmUuid(), vdi.uuid()),
              "Disk " + vdi.nameLabel() + " has changed block tracking on.",
              "Disable CBT (xe vdi-disable-cbt); the next backup will be a full one."));
    }
    if (vdi.smConfig().containsKey("key_hash")) {
      findings.add(
          Finding.blocker(
              Codes.VDI_IS_ENCRYPTED,
              List.of(vdi.uuid()),
              List.of(context.vmUuid(), vdi.uuid()),
              "Disk " + vdi.nameLabel() + " is encrypted; xapi does not migrate it.",
              "Leave the disk on storage the destination host sees, or move it offline."));
    }
    return findings.build();
  }
}

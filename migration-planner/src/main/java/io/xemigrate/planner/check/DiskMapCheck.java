package io.xemigrate.planner.check;

import io.xemigrate.planner.Codes;
import io.xemigrate.planner.Finding;
import java.util.List;

/**
 * Every disk of the VM (a VDI on a non-empty, non-CD VBD) needs a destination SR, else xapi says
 * {@code VDI_NOT_IN_MAP [vdi]} (docs/xapi-behaviour.md#assert-can-migrate A4).
 */
public final class DiskMapCheck implements HostCheck {
  @Override
  public boolean readsOnlyTheDiskMap() {
    return true;
  }

  @Override
  public List<Finding> check(HostContext context) {
    return context.diskMap().unmapped().stream()
        .filter(disk -> !disk.snapshot())
        .map(
            disk ->
                Finding.blocker(
                    Codes.VDI_NOT_IN_MAP,
                    List.of(disk.vdiUuid()),
                    List.of(context.vmUuid(), disk.vdiUuid()),
                    "Disk " + disk.vdiUuid() + " has no destination SR: " + disk.reason() + ".",
                    "Map it with vdi:" + disk.vdiUuid() + "=<sr>, or give sr=<sr>."))
        .toList();
  }
}

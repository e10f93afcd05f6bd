package io.xemigrate.planner.check;

import io.xemigrate.planner.Codes;
import io.xemigrate.planner.Finding;
import java.util.List;

/**
 * The destination host must be at least as new as the source host on {@code platform_version},
 * {@code xapi_build} and {@code xen}: across pools {@code VM_HOST_INCOMPATIBLE_VERSION_MIGRATE [vm;
 * host]} (the VM first, as xapi's code does), inside a pool {@code NOT_SUPPORTED_DURING_UPGRADE
 * []}.
 */
public final class VersionCheck implements HostCheck {
  @Override
  public List<Finding> check(HostContext context) {
    return context
        .index()
        .olderVersionKey(context.move().sourceHost(), context.host())
        .map(key -> List.of(finding(context, key)))
        .orElse(List.of());
  }

  private static Finding finding(HostContext context, String key) {
    String message =
        "Host "
            + context.host().nameLabel()
            + " has an older "
            + key
            + " ("
            + context.host().softwareVersion().get(key)
            + ") than the VM's host ("
            + context.move().sourceHost().softwareVersion().get(key)
            + ").";
    String remedy = "Update the destination host first, or choose a host as new as the source.";
    List<String> objects = List.of(context.vmUuid(), context.hostUuid());
    if (context.move().intraPool()) {
      return Finding.blocker(
          Codes.NOT_SUPPORTED_DURING_UPGRADE, List.of(), objects, message, remedy);
    }
    return Finding.blocker(
        Codes.VM_HOST_INCOMPATIBLE_VERSION_MIGRATE,
        List.of(context.vmUuid(), context.hostUuid()),
        objects,
        message,
        remedy);
  }
}

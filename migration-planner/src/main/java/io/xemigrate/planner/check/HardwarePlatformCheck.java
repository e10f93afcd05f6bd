package io.xemigrate.planner.check;

import io.xemigrate.planner.Codes;
import io.xemigrate.planner.Finding;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The VM's {@code hardware_platform_version} must be one the host can run ({@code [0]} when the
 * host does not say): {@code VM_HOST_INCOMPATIBLE_VIRTUAL_HARDWARE_PLATFORM_VERSION [host; "[0; 1;
 * 2]"; vm; "<n>"]}.
 */
public final class HardwarePlatformCheck implements HostCheck {
  @Override
  public List<Finding> check(HostContext context) {
    List<Long> versions = context.host().virtualHardwarePlatformVersions();
    if (versions.isEmpty()) {
      versions = List.of(0L);
    }
    long wanted = context.move().vm().hardwarePlatformVersion();
    if (versions.contains(wanted)) {
      return List.of();
    }
    String list =
        versions.stream().map(String::valueOf).collect(Collectors.joining("; ", "[", "]"));
    return List.of(
        Finding.blocker(
            Codes.VM_HOST_INCOMPATIBLE_VIRTUAL_HARDWARE_PLATFORM_VERSION,
            List.of(context.hostUuid(), list, context.vmUuid(), String.valueOf(wanted)),
            List.of(context.vmUuid(), context.hostUuid()),
            "Host "
                + context.host().nameLabel()
                + " runs hardware platform versions "
                + list
                + ", not the VM's "
                + wanted
                + ".",
            "Choose a newer destination host, or update this one."));
  }
}

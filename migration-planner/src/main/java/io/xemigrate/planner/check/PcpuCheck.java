package io.xemigrate.planner.check;

import io.xemigrate.planner.Codes;
import io.xemigrate.planner.Finding;
import java.util.List;

/**
 * {@code VCPUs_max} must not exceed the host's physical CPUs, unless {@code
 * platform:vcpu-unrestricted} is true ({@code "1"} or {@code "true"} in any case): {@code
 * HOST_NOT_ENOUGH_PCPUS ["<vcpus>"; "<pcpus>"]} (xapi's {@code assert_enough_pcpus} in {@code
 * ocaml/xapi/xapi_vm_helpers.ml}).
 */
public final class PcpuCheck implements HostCheck {
  @Override
  public List<Finding> check(HostContext context) {
    long vcpus = context.move().vm().vcpusMax();
    int pcpus = context.host().cpuCount();
    boolean unrestricted =
        PlatformFlags.isTrue(context.move().vm().platform(), "vcpu-unrestricted");
    if (unrestricted || pcpus == 0 || vcpus <= pcpus) {
      return List.of();
    }
    return List.of(
        Finding.blocker(
            Codes.HOST_NOT_ENOUGH_PCPUS,
            List.of(String.valueOf(vcpus), String.valueOf(pcpus)),
            List.of(context.vmUuid(), context.hostUuid()),
            "The VM has "
                + vcpus
                + " vCPUs; host "
                + context.host().nameLabel()
                + " has only "
                + pcpus
                + " physical CPUs.",
            "Lower VCPUs_max, or choose a bigger host."));
  }
}

package io.xemigrate.planner.check;

import io.xemigrate.planner.Finding;
import java.util.List;

/**
 * {@code host.migrate_receive} needs a PIF with an IP on the transfer network of the destination
 * host (docs/xapi-behaviour.md#migrate-receive): {@code HOST_CANNOT_ATTACH_NETWORK [host;
 * network]}, {@code PIF_HAS_NO_NETWORK_CONFIGURATION [pif]} or {@code INTERFACE_HAS_NO_IP [pif]}.
 */
public final class TransferNetworkCheck implements HostCheck {
  @Override
  public List<Finding> check(HostContext context) {
    return context
        .index()
        .transferProblem(context.hostUuid())
        .map(
            problem ->
                List.of(
                    Finding.blocker(
                        problem.code(),
                        problem.params(),
                        List.of(context.hostUuid(), problem.networkUuid()),
                        "Host "
                            + context.host().nameLabel()
                            + " has no IP address on the transfer network.",
                        "Configure an IP on the host's PIF of that network, or choose another"
                            + " transfer network.")))
        .orElse(List.of());
  }
}

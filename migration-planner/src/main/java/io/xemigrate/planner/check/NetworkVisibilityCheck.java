package io.xemigrate.planner.check;

import io.xemigrate.network.mapping.NicMapping;
import io.xemigrate.planner.Codes;
import io.xemigrate.planner.Finding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every network the VM's VIFs use after the move must have a PIF on the destination host (a network
 * without PIFs is internal and always passes): {@code VM_REQUIRES_NETWORK [vm; network]}
 * (docs/xapi-behaviour.md#boot-checks step 9).
 */
public final class NetworkVisibilityCheck implements HostCheck {
  @Override
  public List<Finding> check(HostContext context) {
    Map<String, Finding> byNetwork = new LinkedHashMap<>();
    for (NicMapping nic : context.move().nicMap().mappings()) {
      String network = nic.destinationNetworkUuid();
      if (nic.snapshot()
          || byNetwork.containsKey(network)
          || context.index().reaches(context.hostUuid(), network)) {
        continue;
      }
      byNetwork.put(
          network,
          Finding.blocker(
              Codes.VM_REQUIRES_NETWORK,
              List.of(context.vmUuid(), network),
              List.of(context.vmUuid(), network, context.hostUuid()),
              "Host "
                  + context.host().nameLabel()
                  + " has no interface on network "
                  + network
                  + ", which VIF "
                  + nic.mac()
                  + " needs.",
              "Add the network's PIF (or VLAN) on the host, or map the VIF elsewhere."));
    }
    return List.copyOf(byNetwork.values());
  }
}

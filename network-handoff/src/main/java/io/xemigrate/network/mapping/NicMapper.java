package io.xemigrate.network.mapping;

import com.google.common.collect.ImmutableList;
import io.xemigrate.xapi.model.Network;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.Vif;
import io.xemigrate.xapi.model.Vm;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Maps every VIF of a VM and of its snapshots (snapshot-only VIFs included, as xapi demands) to a
 * destination network.
 *
 * <p>Inside one pool every VIF keeps its network. Across pools, first match wins: the user's entry
 * for the VIF's UUID or MAC; for a snapshot's VIF, the network of the VM's VIF with the same MAC; a
 * network with the same name-label; one on the same VLAN tag whose MTU is at least the source's;
 * one with the same bridge. Several candidates: the first by UUID. No match leaves the VIF
 * unmapped, which the planner reports as a blocker: it is never moved to the management network.
 */
public final class NicMapper {
  private final PoolInventory source;
  private final PoolInventory destination;
  private final NicOverrides overrides;
  private final boolean intraPool;

  public NicMapper(PoolInventory source, PoolInventory destination, NicOverrides overrides) {
    this.source = source;
    this.destination = destination;
    this.overrides = overrides;
    this.intraPool = source.pool().uuid().equals(destination.pool().uuid());
  }

  /** The NIC map of a VM. */
  public NicMap map(Vm vm) {
    ImmutableList.Builder<NicMapping> mapped = ImmutableList.builder();
    ImmutableList.Builder<UnmappedNic> unmapped = ImmutableList.builder();
    Map<String, String> networkByMac = new HashMap<>();
    mapOwner(vm, false, networkByMac, mapped, unmapped);
    for (String snapshotUuid : vm.snapshotUuids()) {
      source
          .vm(snapshotUuid)
          .ifPresent(snapshot -> mapOwner(snapshot, true, networkByMac, mapped, unmapped));
    }
    return new NicMap(mapped.build(), unmapped.build());
  }

  private void mapOwner(
      Vm owner,
      boolean snapshot,
      Map<String, String> networkByMac,
      ImmutableList.Builder<NicMapping> mapped,
      ImmutableList.Builder<UnmappedNic> unmapped) {
    for (Vif vif : source.vifsOf(owner)) {
      String mac = vif.mac().toLowerCase(Locale.ROOT);
      Optional<NicMapping> mapping = mapOne(vif, owner, snapshot, networkByMac.get(mac));
      if (mapping.isPresent()) {
        mapped.add(mapping.get());
        networkByMac.putIfAbsent(mac, mapping.get().destinationNetworkUuid());
      } else {
        String from = source.network(vif.networkUuid()).map(Network::nameLabel).orElse("?");
        unmapped.add(
            new UnmappedNic(
                vif.uuid(),
                owner.uuid(),
                snapshot,
                vif.mac(),
                vif.networkUuid(),
                "no destination network has the name '"
                    + from
                    + "', its VLAN tag with a large enough MTU, or its bridge"));
      }
    }
  }

  private Optional<NicMapping> mapOne(
      Vif vif, Vm owner, boolean snapshot, String networkOfSameMac) {
    if (intraPool) {
      return Optional.of(
          to(vif, owner, snapshot, vif.networkUuid(), NicMappingRule.SAME_NETWORK, "same pool"));
    }
    String explicit = overrides.lookup(vif.uuid(), vif.mac());
    if (explicit != null) {
      return Optional.of(
          to(vif, owner, snapshot, explicit, NicMappingRule.EXPLICIT, "the user mapped it"));
    }
    if (snapshot && networkOfSameMac != null) {
      return Optional.of(
          to(
              vif,
              owner,
              snapshot,
              networkOfSameMac,
              NicMappingRule.FOLLOWS_MAC,
              "the VM's VIF with the same MAC goes there"));
    }
    Optional<Network> from = source.network(vif.networkUuid());
    if (from.isEmpty()) {
      return Optional.empty();
    }
    Network network = from.get();
    long vlan = source.vlanOf(network);
    long mtu = Math.max(network.mtu(), vif.mtu());
    Optional<NicMapping> chosen =
        first(n -> n.nameLabel().equals(network.nameLabel()))
            .map(
                n ->
                    to(
                        vif,
                        owner,
                        snapshot,
                        n.uuid(),
                        NicMappingRule.SAME_NAME,
                        "it has the name '" + network.nameLabel() + "'"));
    if (chosen.isEmpty() && vlan >= 0) {
      chosen =
          first(n -> destination.vlanOf(n) == vlan && n.mtu() >= mtu)
              .map(
                  n ->
                      to(
                          vif,
                          owner,
                          snapshot,
                          n.uuid(),
                          NicMappingRule.SAME_VLAN,
                          "it carries VLAN " + vlan + " with an MTU of at least " + mtu));
    }
    if (chosen.isEmpty() && !network.bridge().isEmpty()) {
      chosen =
          first(n -> n.bridge().equals(network.bridge()))
              .map(
                  n ->
                      to(
                          vif,
                          owner,
                          snapshot,
                          n.uuid(),
                          NicMappingRule.SAME_BRIDGE,
                          "it uses the bridge " + network.bridge()));
    }
    return chosen;
  }

  private Optional<Network> first(Predicate<Network> wanted) {
    // The inventory's networks are sorted by UUID, so the first match is a stable choice.
    return destination.networks().values().stream().filter(wanted).findFirst();
  }

  private NicMapping to(
      Vif vif, Vm owner, boolean snapshot, String network, NicMappingRule rule, String why) {
    String name = destination.network(network).map(Network::nameLabel).orElse(network);
    return new NicMapping(
        vif.uuid(),
        owner.uuid(),
        snapshot,
        vif.mac(),
        vif.device(),
        vif.networkUuid(),
        network,
        rule,
        "network '" + name + "' (" + rule.name().toLowerCase(Locale.ROOT) + "): " + why + ".");
  }
}

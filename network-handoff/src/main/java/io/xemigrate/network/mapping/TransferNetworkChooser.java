package io.xemigrate.network.mapping;

import com.google.common.collect.ImmutableList;
import io.xemigrate.xapi.model.Network;
import io.xemigrate.xapi.model.Pif;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.Vif;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Chooses the transfer network: the user's; else the pool's {@code xo:migrationNetwork}; else a
 * network other than management with an IP on every destination host (by name, then UUID); else the
 * management network, which the planner reports with a warning.
 */
public final class TransferNetworkChooser {
  private TransferNetworkChooser() {}

  public static TransferNetworkChoice choose(
      PoolInventory destination, Collection<String> hostUuids, String explicitNetworkUuid) {
    if (!explicitNetworkUuid.isEmpty()) {
      return new TransferNetworkChoice(
          explicitNetworkUuid, TransferNetworkRule.EXPLICIT, "The user chose it.");
    }
    String management = destination.managementNetwork().map(Network::uuid).orElse("");
    String poolDefault = destination.pool().otherConfig().getOrDefault("xo:migrationNetwork", "");
    if (!poolDefault.isEmpty()
        && destination.network(poolDefault).isPresent()
        && reachesAll(destination, hostUuids, poolDefault)) {
      return new TransferNetworkChoice(
          poolDefault,
          TransferNetworkRule.POOL_DEFAULT,
          "It is the pool's migration network and has an IP on every destination host.");
    }
    Optional<Network> dedicated =
        destination.networks().values().stream()
            .filter(network -> !network.uuid().equals(management))
            .filter(network -> reachesAll(destination, hostUuids, network.uuid()))
            .min(preference(destination));
    if (dedicated.isPresent()) {
      return new TransferNetworkChoice(
          dedicated.get().uuid(),
          TransferNetworkRule.DEDICATED,
          "It is not the management network and has an IP on every destination host.");
    }
    return new TransferNetworkChoice(
        management,
        TransferNetworkRule.MANAGEMENT,
        "No other network has an IP on every destination host.");
  }

  /**
   * Among qualifying networks: one named for migration first, then one no guest uses (guest traffic
   * and migration traffic should not share a link), then the largest MTU, then by name and UUID so
   * the choice is stable.
   */
  private static Comparator<Network> preference(PoolInventory destination) {
    Set<String> guestNetworks =
        destination.vifs().values().stream().map(Vif::networkUuid).collect(Collectors.toSet());
    return Comparator.comparing((Network network) -> !namedForMigration(network))
        .thenComparing(network -> guestNetworks.contains(network.uuid()))
        .thenComparing(Comparator.comparingLong(Network::mtu).reversed())
        .thenComparing(Network::nameLabel)
        .thenComparing(Network::uuid);
  }

  private static boolean namedForMigration(Network network) {
    String name = network.nameLabel().toLowerCase(Locale.ROOT);
    return name.contains("migration") || name.contains("motion") || name.contains("storage");
  }

  /** What {@code host.migrate_receive(host, network)} would refuse, if anything. */
  public static Optional<TransferNetworkProblem> problem(
      PoolInventory destination, String hostUuid, String networkUuid) {
    Optional<Pif> pif = destination.pifOn(hostUuid, networkUuid);
    if (pif.isEmpty()) {
      return Optional.of(
          new TransferNetworkProblem(
              "HOST_CANNOT_ATTACH_NETWORK",
              ImmutableList.of(hostUuid, networkUuid),
              hostUuid,
              networkUuid));
    }
    Pif found = pif.get();
    if (found.ip().isEmpty()) {
      String code =
          "None".equals(found.ipConfigurationMode())
              ? "PIF_HAS_NO_NETWORK_CONFIGURATION"
              : "INTERFACE_HAS_NO_IP";
      return Optional.of(
          new TransferNetworkProblem(code, ImmutableList.of(found.uuid()), hostUuid, networkUuid));
    }
    return Optional.empty();
  }

  private static boolean reachesAll(
      PoolInventory destination, Collection<String> hostUuids, String networkUuid) {
    return !hostUuids.isEmpty()
        && hostUuids.stream().allMatch(host -> problem(destination, host, networkUuid).isEmpty());
  }
}

package io.xemigrate.planner;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.xemigrate.network.mapping.NicOverrides;
import io.xemigrate.storage.mapping.DiskOverrides;
import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.Network;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.Sr;
import io.xemigrate.xapi.model.Vm;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns the names of a request into objects: a UUID always wins, otherwise the name-label must be
 * unique. Every failure is a typed {@link ResolutionException}.
 */
public final class Resolver {
  private Resolver() {}

  public static ResolvedRequest resolve(PlanningInput input) {
    PoolInventory source = input.source();
    PoolInventory destination = input.destination();
    Overrides overrides = input.overrides();
    List<String> violations = overrides.limits().validate();
    if (!violations.isEmpty()) {
      throw new ResolutionException(
          ResolutionError.INVALID_REQUEST, String.join("; ", violations), List.of());
    }
    TreeMap<String, Vm> vms = new TreeMap<>();
    TreeSet<String> evacuated = new TreeSet<>();
    TreeSet<String> pinned = new TreeSet<>();
    MigrationRequest request = input.request();
    if (request instanceof MigrationRequest.MoveVms move) {
      for (String query : move.vms()) {
        Vm vm = vm(source, query);
        vms.put(vm.uuid(), vm);
      }
      if (!move.destinationHost().isEmpty()) {
        pinned.add(host(destination, move.destinationHost()).uuid());
      }
    } else if (request instanceof MigrationRequest.EvacuateHosts evacuate) {
      for (String query : evacuate.hosts()) {
        Host host = host(source, query);
        evacuated.add(host.uuid());
        source.residentOn(host.uuid()).forEach(vm -> vms.put(vm.uuid(), vm));
      }
    } else {
      // DrainPool: every user VM, whatever its power state.
      if (input.intraPool()) {
        throw new ResolutionException(
            ResolutionError.INVALID_REQUEST,
            "a pool can only be drained into another pool",
            List.of());
      }
      source.guests().forEach(vm -> vms.put(vm.uuid(), vm));
    }
    overrides.pinnedHosts().forEach(query -> pinned.add(host(destination, query).uuid()));
    TreeSet<String> excluded = new TreeSet<>();
    overrides.excludedHosts().forEach(query -> excluded.add(host(destination, query).uuid()));
    ImmutableList<String> candidates =
        destination.hosts().keySet().stream()
            .filter(uuid -> pinned.isEmpty() || pinned.contains(uuid))
            .filter(uuid -> !excluded.contains(uuid))
            .filter(uuid -> !(input.intraPool() && evacuated.contains(uuid)))
            .collect(ImmutableList.toImmutableList());
    return new ResolvedRequest(
        ImmutableList.copyOf(vms.values()),
        ImmutableSet.copyOf(evacuated),
        candidates,
        diskOverrides(source, destination, overrides),
        nicOverrides(source, destination, overrides),
        overrides.transferNetwork().isEmpty()
            ? ""
            : network(destination, overrides.transferNetwork()).uuid(),
        overrides.limits());
  }

  private static DiskOverrides diskOverrides(
      PoolInventory source, PoolInventory destination, Overrides overrides) {
    Map<String, String> srByVdi = new TreeMap<>();
    overrides
        .srByVdi()
        .forEach(
            (vdi, sr) -> {
              if (source.vdi(vdi).isEmpty()) {
                throw new ResolutionException(ResolutionError.UNKNOWN_VDI, vdi, List.of());
              }
              srByVdi.put(vdi, sr(destination, sr).uuid());
            });
    String defaultSr =
        overrides.defaultSr().isEmpty() ? "" : sr(destination, overrides.defaultSr()).uuid();
    return DiskOverrides.of(srByVdi, defaultSr);
  }

  private static NicOverrides nicOverrides(
      PoolInventory source, PoolInventory destination, Overrides overrides) {
    Map<String, String> networkByVif = new TreeMap<>();
    overrides
        .networkByVif()
        .forEach(
            (vif, network) -> {
              boolean known =
                  source.vifs().containsKey(vif)
                      || source.vifs().values().stream()
                          .anyMatch(v -> v.mac().equalsIgnoreCase(vif));
              if (!known) {
                throw new ResolutionException(ResolutionError.UNKNOWN_VIF, vif, List.of());
              }
              networkByVif.put(vif.toLowerCase(Locale.ROOT), network(destination, network).uuid());
            });
    return NicOverrides.of(networkByVif);
  }

  /** A VM by UUID, or a user VM or template by unique name-label. */
  public static Vm vm(PoolInventory inventory, String query) {
    return find(
        inventory.vms(),
        inventory.vms().values().stream()
            .filter(vm -> !vm.isSnapshot() && !vm.isControlDomain())
            .collect(Collectors.toList()),
        Vm::uuid,
        Vm::nameLabel,
        query,
        ResolutionError.UNKNOWN_VM,
        ResolutionError.AMBIGUOUS_VM_NAME);
  }

  public static Host host(PoolInventory inventory, String query) {
    return find(
        inventory.hosts(),
        inventory.hosts().values(),
        Host::uuid,
        Host::nameLabel,
        query,
        ResolutionError.UNKNOWN_HOST,
        ResolutionError.AMBIGUOUS_HOST_NAME);
  }

  public static Sr sr(PoolInventory inventory, String query) {
    return find(
        inventory.srs(),
        inventory.srs().values(),
        Sr::uuid,
        Sr::nameLabel,
        query,
        ResolutionError.UNKNOWN_SR,
        ResolutionError.AMBIGUOUS_SR_NAME);
  }

  public static Network network(PoolInventory inventory, String query) {
    return find(
        inventory.networks(),
        inventory.networks().values(),
        Network::uuid,
        Network::nameLabel,
        query,
        ResolutionError.UNKNOWN_NETWORK,
        ResolutionError.AMBIGUOUS_NETWORK_NAME);
  }

  private static <T> T find(
      Map<String, T> byUuid,
      Collection<T> named,
      Function<T, String> uuid,
      Function<T, String> name,
      String query,
      ResolutionError unknown,
      ResolutionError ambiguous) {
    T exact = byUuid.get(query);
    if (exact != null) {
      return exact;
    }
    List<T> matches = named.stream().filter(t -> name.apply(t).equals(query)).toList();
    if (matches.isEmpty()) {
      throw new ResolutionException(unknown, query, List.of());
    }
    if (matches.size() > 1) {
      throw new ResolutionException(ambiguous, query, matches.stream().map(uuid).sorted().toList());
    }
    return matches.get(0);
  }
}

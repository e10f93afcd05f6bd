package io.xemigrate.coordinator.planning;

import io.xemigrate.coordinator.BadRequestException;
import io.xemigrate.coordinator.pools.PoolConnector;
import io.xemigrate.coordinator.pools.PoolDirectory;
import io.xemigrate.coordinator.pools.PoolProfile;
import io.xemigrate.planner.schedule.PoolObservations;
import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.PoolInventory;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Loads the source and destination inventories a plan is made from, with the last {@link
 * PlanScheduler#OBSERVATION_WINDOW_SECONDS} of their hosts' RRDs (one session per pool, closed at
 * once). The planning commands and the HTTP API share it; mistakes are one-line {@link
 * BadRequestException}s naming the parameter the caller passes.
 */
public final class PlanningSources {
  private final PoolDirectory directory;
  private final PoolConnector connector;
  private final Map<String, PoolInventory> loaded = new HashMap<>();
  private final Map<String, PoolObservations> observed = new HashMap<>();
  private PoolProfile source;
  private PoolProfile destination;

  public PlanningSources(PoolDirectory directory, PoolConnector connector) {
    this.directory = directory;
    this.connector = connector;
  }

  /** Source: the pool given, else the one profile whose pool holds what {@code holds} accepts. */
  public PoolInventory loadSource(
      Optional<PoolProfile> given, Predicate<PoolInventory> holds, String parameter, String what) {
    if (given.isPresent()) {
      source = given.get();
      return inventory(source);
    }
    List<PoolProfile> holding =
        directory.profiles().stream().filter(profile -> holds.test(inventory(profile))).toList();
    if (holding.size() > 1) {
      throw new BadRequestException(
          "ambiguous "
              + what
              + " in "
              + parameter
              + "=: pools "
              + String.join(", ", holding.stream().map(PoolProfile::name).toList())
              + " all have it; add source=POOL or give a UUID");
    }
    if (holding.isEmpty()) {
      throw new BadRequestException(
          "unknown "
              + what
              + " in "
              + parameter
              + "=: no pool of the profile file has it; check the name or give source=");
    }
    source = holding.get(0);
    return inventory(source);
  }

  /**
   * Before the source pool is searched for all of {@code items}: an item no pool has, or items
   * spread over several pools (a run moves VMs of one pool), is one line naming each item's pool.
   */
  public void requireOnePool(
      List<String> items, BiPredicate<PoolInventory, String> has, String parameter) {
    Map<String, List<String>> poolsOf = new LinkedHashMap<>();
    for (String item : items) {
      List<String> pools =
          directory.profiles().stream()
              .filter(profile -> has.test(inventory(profile), item))
              .map(PoolProfile::name)
              .toList();
      if (pools.isEmpty()) {
        throw new BadRequestException(
            "unknown VM '"
                + item
                + "' in "
                + parameter
                + "=: no pool of the profile file has it; check the name or give source=");
      }
      poolsOf.put(item, pools);
    }
    boolean oneHasAll =
        directory.profiles().stream()
            .anyMatch(
                profile -> poolsOf.values().stream().allMatch(p -> p.contains(profile.name())));
    if (!oneHasAll) {
      throw new BadRequestException(
          parameter
              + "= names VMs of different pools ("
              + poolsOf.entrySet().stream()
                  .map(e -> e.getKey() + " in " + String.join(" or ", e.getValue()))
                  .collect(Collectors.joining(", "))
              + "): a run moves VMs of one pool; give each pool's VMs in a command of its own");
    }
  }

  /** Destination: the pool given, else the source pool (a move inside the pool). */
  public PoolInventory loadDestination(Optional<PoolProfile> given) {
    destination = given.orElse(source);
    return inventory(destination);
  }

  public PoolProfile source() {
    return source;
  }

  public PoolProfile destination() {
    return destination;
  }

  /**
   * What the loaded pools' RRDs showed over the last {@link
   * PlanScheduler#OBSERVATION_WINDOW_SECONDS}, for {@link PlanScheduler}; a host whose RRD could
   * not be read contributes nothing (nominal figures).
   */
  public PoolObservations observations() {
    return observed.values().stream().reduce(PoolObservations.none(), PoolObservations::and);
  }

  /** Whether the pool has every host of {@code hosts} (names or UUIDs). */
  public static boolean hasHost(PoolInventory inventory, List<String> hosts) {
    return hosts.stream()
        .allMatch(
            host ->
                inventory.hosts().containsKey(host)
                    || inventory.hosts().values().stream()
                        .map(Host::nameLabel)
                        .anyMatch(host::equals));
  }

  private PoolInventory inventory(PoolProfile profile) {
    return loaded.computeIfAbsent(profile.name(), name -> load(profile));
  }

  private PoolInventory load(PoolProfile profile) {
    return connector.withClient(
        profile,
        client -> {
          PoolInventory inventory = client.loadInventory();
          observed.put(
              profile.name(),
              PoolObservationsReader.read(
                  client, inventory, PlanScheduler.OBSERVATION_WINDOW_SECONDS));
          return inventory;
        });
  }
}

package io.xemigrate.plugin.cli;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.xemigrate.planner.MigrationPlanner;
import io.xemigrate.planner.MigrationRequest;
import io.xemigrate.planner.Overrides;
import io.xemigrate.planner.PlanningInput;
import io.xemigrate.planner.ResolutionException;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.plugin.pools.PoolParameters;
import io.xemigrate.plugin.pools.PoolProfile;
import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.PoolInventory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Loads the source and destination inventories a planning command needs (one session per pool,
 * closed at once) and runs the planner; turns the planner's resolution errors into one-line errors
 * naming the parameter.
 */
final class PlanningSession {
  /** The parameters of the planning commands besides the pools'. */
  static final ImmutableSet<String> OVERRIDE_KEYS =
      ImmutableSet.of("source", "destination", "sr", "transfer-network");

  static final ImmutableSet<String> OVERRIDE_PREFIXES = ImmutableSet.of("vdi:", "vif:");

  private final PoolParameters pools;
  private final Map<String, PoolInventory> loaded = new HashMap<>();
  private PoolProfile source;
  private PoolProfile destination;

  PlanningSession(PoolParameters pools) {
    this.pools = pools;
  }

  /** Source: {@code source=}, else the one profile whose pool holds what {@code holds} accepts. */
  PoolInventory loadSource(
      Optional<PoolProfile> given, Predicate<PoolInventory> holds, String parameter, String what) {
    if (given.isPresent()) {
      source = given.get();
      return inventory(source);
    }
    List<PoolProfile> holding =
        pools.directory().profiles().stream()
            .filter(profile -> holds.test(inventory(profile)))
            .toList();
    if (holding.size() > 1) {
      throw new UsageException(
          "ambiguous "
              + what
              + " in "
              + parameter
              + "=: pools "
              + String.join(", ", holding.stream().map(PoolProfile::name).toList())
              + " all have it; add source=POOL or give a UUID");
    }
    if (holding.isEmpty()) {
      throw new UsageException(
          "unknown "
              + what
              + " in "
              + parameter
              + "=: no pool of the profile file has it; check the name or give source=");
    }
    source = holding.get(0);
    return inventory(source);
  }

  /** Destination: the pool given, else the source pool (a move inside the pool). */
  PoolInventory loadDestination(Optional<PoolProfile> given) {
    destination = given.orElse(source);
    return inventory(destination);
  }

  PoolProfile source() {
    return source;
  }

  PoolProfile destination() {
    return destination;
  }

  private PoolInventory inventory(PoolProfile profile) {
    return loaded.computeIfAbsent(profile.name(), name -> pools.connector().loadInventory(profile));
  }

  /** Runs the planner; a name the planner cannot resolve is a one-line usage error. */
  static MigrationPlan plan(
      PoolInventory sourceInventory,
      PoolInventory destinationInventory,
      MigrationRequest request,
      Overrides overrides) {
    try {
      return MigrationPlanner.plan(
          new PlanningInput(sourceInventory, destinationInventory, request, overrides));
    } catch (ResolutionException e) {
      throw new UsageException(parameterOf(e) + ": " + e.getMessage());
    }
  }

  /** {@code sr=}, {@code transfer-network=}, {@code vdi:<uuid>=<sr>}, {@code vif:<x>=<network>}. */
  static Overrides overrides(Arguments arguments) {
    Map<String, String> disks = new HashMap<>();
    Map<String, String> nics = new HashMap<>();
    for (String key : arguments.keys()) {
      if (key.startsWith("vdi:")) {
        disks.put(suffix(key), arguments.required(key));
      } else if (key.startsWith("vif:")) {
        nics.put(suffix(key), arguments.required(key));
      }
    }
    Overrides overrides = Overrides.none().withSrByVdi(disks).withNetworkByVif(nics);
    overrides = arguments.optional("sr").map(overrides::withDefaultSr).orElse(overrides);
    return arguments
        .optional("transfer-network")
        .map(overrides::withTransferNetwork)
        .orElse(overrides);
  }

  /** Host names or UUIDs of {@code host=}, checked against a pool. */
  static ImmutableList<String> hosts(String value) {
    return ImmutableList.copyOf(Splitter.on(',').trimResults().omitEmptyStrings().split(value));
  }

  static boolean hasHost(PoolInventory inventory, List<String> hosts) {
    return hosts.stream()
        .allMatch(
            host ->
                inventory.hosts().containsKey(host)
                    || inventory.hosts().values().stream()
                        .map(Host::nameLabel)
                        .anyMatch(host::equals));
  }

  private static String suffix(String key) {
    String suffix = key.substring(4);
    if (suffix.isEmpty()) {
      throw new UsageException(
          "parameter '" + key + "' names nothing: write " + key + "<uuid>=<target>");
    }
    return suffix;
  }

  private static String parameterOf(ResolutionException e) {
    return switch (e.error()) {
      case UNKNOWN_VM, AMBIGUOUS_VM_NAME -> "vm=";
      case UNKNOWN_HOST, AMBIGUOUS_HOST_NAME -> "host=";
      case UNKNOWN_SR, AMBIGUOUS_SR_NAME -> "sr= or vdi:";
      case UNKNOWN_NETWORK, AMBIGUOUS_NETWORK_NAME -> "vif: or transfer-network=";
      case UNKNOWN_VDI -> "vdi:";
      case UNKNOWN_VIF -> "vif:";
      case INVALID_REQUEST -> "request";
    };
  }
}

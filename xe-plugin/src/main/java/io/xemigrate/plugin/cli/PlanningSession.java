package io.xemigrate.plugin.cli;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.xemigrate.coordinator.planning.PlanningSources;
import io.xemigrate.planner.MigrationPlanner;
import io.xemigrate.planner.MigrationRequest;
import io.xemigrate.planner.Overrides;
import io.xemigrate.planner.PlanningInput;
import io.xemigrate.planner.ResolutionException;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.xapi.model.PoolInventory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The planning commands' parameters and the planner call: turns the planner's resolution errors
 * into one-line errors naming the parameter. Loading the pools is {@link PlanningSources}'s, which
 * the HTTP API shares.
 */
final class PlanningSession {
  /** The parameters of the planning commands besides the pools'. */
  static final ImmutableSet<String> OVERRIDE_KEYS =
      ImmutableSet.of("source", "destination", "sr", "transfer-network");

  static final ImmutableSet<String> OVERRIDE_PREFIXES = ImmutableSet.of("vdi:", "vif:");

  private PlanningSession() {}

  /** Loads the pools of a planning command's parameters. */
  static PlanningSources sources(PoolParameters pools) {
    return new PlanningSources(pools.directory(), pools.connector());
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
    ImmutableList<String> hosts =
        ImmutableList.copyOf(Splitter.on(',').trimResults().omitEmptyStrings().split(value));
    if (hosts.isEmpty()) {
      throw new UsageException("parameter 'host' names no host: give a host's UUID or name");
    }
    return hosts;
  }

  static boolean hasHost(PoolInventory inventory, List<String> hosts) {
    return PlanningSources.hasHost(inventory, hosts);
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

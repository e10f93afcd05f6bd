package io.xemigrate.planner;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The administrator's choices that the planner obeys rather than infers. SRs, networks and hosts
 * may be given by UUID or unique name-label in the destination pool.
 *
 * @param srByVdi {@code vdi:<uuid>=<sr>} entries
 * @param networkByVif {@code vif:<uuid or MAC>=<network>} entries
 * @param defaultSr the plan's SR for every disk not mapped explicitly ({@code sr=}), or {@code ""}
 * @param transferNetwork the network for disk and memory traffic, or {@code ""} to choose one
 * @param pinnedHosts when not empty, the only destination hosts allowed
 * @param excludedHosts destination hosts never used
 */
public record Overrides(
    Map<String, String> srByVdi,
    Map<String, String> networkByVif,
    String defaultSr,
    String transferNetwork,
    List<String> pinnedHosts,
    List<String> excludedHosts,
    Limits limits) {

  public Overrides {
    srByVdi = Map.copyOf(new TreeMap<>(srByVdi));
    networkByVif = Map.copyOf(new TreeMap<>(networkByVif));
    pinnedHosts = List.copyOf(pinnedHosts);
    excludedHosts = List.copyOf(excludedHosts);
  }

  /** No overrides, default limits. */
  public static Overrides none() {
    return new Overrides(Map.of(), Map.of(), "", "", List.of(), List.of(), Limits.defaults());
  }

  public Overrides withSrByVdi(Map<String, String> map) {
    return new Overrides(
        map, networkByVif, defaultSr, transferNetwork, pinnedHosts, excludedHosts, limits);
  }

  public Overrides withNetworkByVif(Map<String, String> map) {
    return new Overrides(
        srByVdi, map, defaultSr, transferNetwork, pinnedHosts, excludedHosts, limits);
  }

  public Overrides withDefaultSr(String sr) {
    return new Overrides(
        srByVdi, networkByVif, sr, transferNetwork, pinnedHosts, excludedHosts, limits);
  }

  public Overrides withTransferNetwork(String network) {
    return new Overrides(
        srByVdi, networkByVif, defaultSr, network, pinnedHosts, excludedHosts, limits);
  }

  public Overrides withPinnedHosts(List<String> hosts) {
    return new Overrides(
        srByVdi, networkByVif, defaultSr, transferNetwork, hosts, excludedHosts, limits);
  }

  public Overrides withExcludedHosts(List<String> hosts) {
    return new Overrides(
        srByVdi, networkByVif, defaultSr, transferNetwork, pinnedHosts, hosts, limits);
  }

  public Overrides withLimits(Limits newLimits) {
    return new Overrides(
        srByVdi, networkByVif, defaultSr, transferNetwork, pinnedHosts, excludedHosts, newLimits);
  }
}

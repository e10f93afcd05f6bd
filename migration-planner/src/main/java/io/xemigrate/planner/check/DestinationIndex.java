package io.xemigrate.planner.check;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import io.xemigrate.network.mapping.TransferNetworkChooser;
import io.xemigrate.network.mapping.TransferNetworkProblem;
import io.xemigrate.planner.AntiAffinity;
import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.Pif;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.Vm;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Facts about the destination pool that every host check reads, computed once per plan so that a
 * check costs a map lookup rather than a scan of the inventory.
 */
public final class DestinationIndex {
  private final ImmutableMap<String, Long> residentFootprint;
  private final ImmutableMap<String, ImmutableSet<String>> networksByHost;
  private final ImmutableSet<String> networksWithPifs;
  private final ImmutableMap<String, ImmutableSet<String>> residentGroups;
  private final ImmutableMap<String, Optional<TransferNetworkProblem>> transferProblems;
  // Memos: the answer depends only on the key, and many VMs share a key. Per plan, never shared.
  private final Map<String, Optional<String>> olderVersionKey = new HashMap<>();
  private final Map<String, Optional<String>> cpuIncompatibility = new HashMap<>();

  public DestinationIndex(
      PoolInventory destination, Collection<String> hostUuids, String transferNetworkUuid) {
    Map<String, Long> footprint = new HashMap<>();
    Map<String, Set<String>> groups = new HashMap<>();
    for (Vm vm : destination.vms().values()) {
      if (!vm.residentOnHostUuid().isEmpty()) {
        footprint.merge(vm.residentOnHostUuid(), MemoryArithmetic.footprint(vm), Long::sum);
        groups
            .computeIfAbsent(vm.residentOnHostUuid(), host -> new HashSet<>())
            .addAll(AntiAffinity.groups(vm));
      }
    }
    Map<String, Set<String>> networks = new HashMap<>();
    Set<String> withPifs = new HashSet<>();
    for (Pif pif : destination.pifs().values()) {
      networks.computeIfAbsent(pif.hostUuid(), host -> new HashSet<>()).add(pif.networkUuid());
      withPifs.add(pif.networkUuid());
    }
    ImmutableMap.Builder<String, Optional<TransferNetworkProblem>> problems =
        ImmutableMap.builder();
    for (String host : hostUuids) {
      problems.put(
          host,
          transferNetworkUuid.isEmpty()
              ? Optional.empty()
              : TransferNetworkChooser.problem(destination, host, transferNetworkUuid));
    }
    this.residentFootprint = ImmutableMap.copyOf(footprint);
    this.networksByHost = copy(networks);
    this.networksWithPifs = ImmutableSet.copyOf(withPifs);
    this.residentGroups = copy(groups);
    this.transferProblems = problems.buildOrThrow();
  }

  /** Σ(dynamic_min + memory_overhead) of the VMs resident on the host now. */
  public long residentFootprint(String hostUuid) {
    return residentFootprint.getOrDefault(hostUuid, 0L);
  }

  /** Whether a VIF on this network can be plugged on the host (a network without PIFs can). */
  public boolean reaches(String hostUuid, String networkUuid) {
    return !networksWithPifs.contains(networkUuid)
        || networksByHost.getOrDefault(hostUuid, ImmutableSet.of()).contains(networkUuid);
  }

  /** Anti-affinity groups of the VMs resident on the host now. */
  public ImmutableSet<String> residentGroups(String hostUuid) {
    return residentGroups.getOrDefault(hostUuid, ImmutableSet.of());
  }

  /** Why the host cannot receive on the transfer network, if it cannot. */
  public Optional<TransferNetworkProblem> transferProblem(String hostUuid) {
    return transferProblems.getOrDefault(hostUuid, Optional.empty());
  }

  /** {@link Versions#olderKey}, remembered per pair of hosts. */
  public Optional<String> olderVersionKey(Host source, Host destination) {
    return olderVersionKey.computeIfAbsent(
        source.uuid() + "\n" + destination.uuid(), key -> Versions.olderKey(source, destination));
  }

  /** {@link CpuFeatures#incompatibility}, remembered per host and VM CPU flags. */
  public Optional<String> cpuIncompatibility(Vm vm, Host host) {
    String key =
        host.uuid()
            + "\n"
            + vm.domainType()
            + "\n"
            + vm.lastBootCpuFlags().get("vendor")
            + "\n"
            + vm.lastBootCpuFlags().get("features");
    return cpuIncompatibility.computeIfAbsent(key, k -> CpuFeatures.incompatibility(vm, host));
  }

  private static ImmutableMap<String, ImmutableSet<String>> copy(Map<String, Set<String>> map) {
    ImmutableMap.Builder<String, ImmutableSet<String>> copy = ImmutableMap.builder();
    map.forEach((key, values) -> copy.put(key, ImmutableSet.copyOf(values)));
    return copy.buildOrThrow();
  }
}

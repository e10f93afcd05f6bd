package io.xemigrate.planner.place;

import io.xemigrate.storage.mapping.DiskMap;
import io.xemigrate.storage.mapping.SrLedger;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the plan has taken so far: memory and incoming moves per destination host, anti-affinity
 * groups per host, bytes per SR. Each placement sees the capacity taken by the earlier ones.
 *
 * <p>Mutable on purpose, owned by one planning run, never shared.
 */
public final class PlanLedger {
  private final Map<String, Long> footprint = new HashMap<>();
  private final Map<String, Integer> incoming = new HashMap<>();
  private final Map<String, Set<String>> groups = new HashMap<>();
  private final SrLedger srLedger = new SrLedger();

  public long plannedFootprint(String hostUuid) {
    return footprint.getOrDefault(hostUuid, 0L);
  }

  public int plannedIncoming(String hostUuid) {
    return incoming.getOrDefault(hostUuid, 0);
  }

  /** Anti-affinity groups of the VMs planned onto the host (a read-only view). */
  public Set<String> plannedGroups(String hostUuid) {
    return Collections.unmodifiableSet(groups.getOrDefault(hostUuid, Set.of()));
  }

  public SrLedger srLedger() {
    return srLedger;
  }

  /** Commits one move: its memory, its anti-affinity groups and its disk copies. */
  public void commit(String hostUuid, long memoryBytes, Set<String> vmGroups, DiskMap diskMap) {
    footprint.merge(hostUuid, memoryBytes, Long::sum);
    incoming.merge(hostUuid, 1, Integer::sum);
    groups.computeIfAbsent(hostUuid, host -> new HashSet<>()).addAll(vmGroups);
    srLedger.reserve(diskMap);
  }
}

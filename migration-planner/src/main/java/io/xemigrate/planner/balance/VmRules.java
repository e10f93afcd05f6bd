package io.xemigrate.planner.balance;

import com.google.common.collect.ImmutableSortedSet;
import io.xemigrate.planner.AntiAffinity;
import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.Vm;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules as they apply to one pool: each VM's anti-affinity and affinity groups and whether it
 * is pinned, from its tags ({@code xe-migrate:anti-affinity=GROUP}, {@code
 * xe-migrate:affinity=GROUP}, {@code xe-migrate:pinned}; the placement's anti-affinity groups count
 * too) and from the rules file; the hosts excluded. Names the pool does not have are kept to be
 * reported.
 */
final class VmRules {
  static final String ANTI_AFFINITY_TAG = "xe-migrate:anti-affinity=";
  static final String AFFINITY_TAG = "xe-migrate:affinity=";
  static final String PINNED_TAG = "xe-migrate:pinned";

  private final Map<String, Set<String>> anti = new HashMap<>();
  private final Map<String, Set<String>> together = new HashMap<>();
  private final Set<String> pinned = new TreeSet<>();
  private final Set<String> excludedHosts = new TreeSet<>();
  private final Set<String> unknownNames = new TreeSet<>();

  VmRules(PoolInventory pool, BalanceRules rules) {
    for (Vm vm : pool.guests()) {
      for (String tag : vm.tags()) {
        if (tag.startsWith(ANTI_AFFINITY_TAG) && tag.length() > ANTI_AFFINITY_TAG.length()) {
          add(anti, vm.uuid(), tag.substring(ANTI_AFFINITY_TAG.length()).trim());
        } else if (tag.startsWith(AFFINITY_TAG) && tag.length() > AFFINITY_TAG.length()) {
          add(together, vm.uuid(), tag.substring(AFFINITY_TAG.length()).trim());
        } else if (tag.equals(PINNED_TAG)) {
          pinned.add(vm.uuid());
        }
      }
      AntiAffinity.groups(vm).forEach(group -> add(anti, vm.uuid(), group));
    }
    rules
        .antiAffinity()
        .forEach((group, names) -> vms(pool, names).forEach(vm -> add(anti, vm, group)));
    rules
        .affinity()
        .forEach((group, names) -> vms(pool, names).forEach(vm -> add(together, vm, group)));
    pinned.addAll(vms(pool, rules.pinned()));
    for (String name : rules.excludedHosts()) {
      List<String> hosts =
          pool.hosts().values().stream()
              .filter(host -> host.uuid().equals(name) || host.nameLabel().equals(name))
              .map(Host::uuid)
              .toList();
      if (hosts.isEmpty()) {
        unknownNames.add(name);
      }
      excludedHosts.addAll(hosts);
    }
  }

  ImmutableSortedSet<String> antiAffinity(String vm) {
    return ImmutableSortedSet.copyOf(anti.getOrDefault(vm, Set.of()));
  }

  ImmutableSortedSet<String> affinity(String vm) {
    return ImmutableSortedSet.copyOf(together.getOrDefault(vm, Set.of()));
  }

  boolean pinned(String vm) {
    return pinned.contains(vm);
  }

  boolean excluded(String host) {
    return excludedHosts.contains(host);
  }

  /** Names in the rules file that are no VM or host of the pool. */
  ImmutableSortedSet<String> unknownNames() {
    return ImmutableSortedSet.copyOf(unknownNames);
  }

  /** Every affinity group with its VMs. */
  Map<String, Set<String>> affinityGroups() {
    Map<String, Set<String>> groups = new HashMap<>();
    together.forEach((vm, names) -> names.forEach(g -> add(groups, g, vm)));
    return groups;
  }

  private List<String> vms(PoolInventory pool, Set<String> names) {
    List<String> found = new java.util.ArrayList<>();
    for (String name : names) {
      List<String> matching =
          pool.guests().stream()
              .filter(vm -> vm.uuid().equals(name) || vm.nameLabel().equals(name))
              .map(Vm::uuid)
              .toList();
      if (matching.isEmpty()) {
        unknownNames.add(name);
      }
      found.addAll(matching);
    }
    return found;
  }

  private static void add(Map<String, Set<String>> map, String key, String value) {
    map.computeIfAbsent(key, k -> new TreeSet<>()).add(value);
  }
}

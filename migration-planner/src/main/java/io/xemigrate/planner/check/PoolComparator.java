package io.xemigrate.planner.check;

import io.xemigrate.planner.check.PoolComparison.Aspect;
import io.xemigrate.planner.check.PoolComparison.Row;
import io.xemigrate.planner.check.PoolComparison.Status;
import io.xemigrate.storage.mapping.SrCapabilities;
import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.Network;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.Sr;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Compares two pools. Versions: the newest source host against the oldest destination host (a VM
 * may sit on either). CPU: the vendors, and the pool levels (the intersection of every host's
 * {@code features_hvm}) as a subset test. Networks: by name, then VLAN and MTU. SR types: whether
 * the destination has the type and can receive a live copy.
 */
public final class PoolComparator {
  private PoolComparator() {}

  public static PoolComparison compare(PoolInventory source, PoolInventory destination) {
    List<Row> rows = new ArrayList<>();
    versions(source, destination, rows);
    cpu(source, destination, rows);
    networks(source, destination, rows);
    srTypes(source, destination, rows);
    return new PoolComparison(source.pool().uuid(), destination.pool().uuid(), rows);
  }

  private static void versions(PoolInventory source, PoolInventory destination, List<Row> rows) {
    for (String key : Versions.KEYS) {
      Optional<String> newest = extreme(source.hosts().values(), key, true);
      Optional<String> oldest = extreme(destination.hosts().values(), key, false);
      if (newest.isEmpty() || oldest.isEmpty()) {
        continue;
      }
      boolean older = Versions.compare(oldest.get(), newest.get()) < 0;
      rows.add(
          new Row(
              Aspect.VERSION,
              key,
              newest.get(),
              oldest.get(),
              older ? Status.WORSE : Status.MATCH,
              older
                  ? "A destination host is older than a source host:"
                      + " VM_HOST_INCOMPATIBLE_VERSION_MIGRATE for VMs on the newer hosts."
                  : ""));
    }
  }

  private static Optional<String> extreme(Collection<Host> hosts, String key, boolean newest) {
    return hosts.stream()
        .map(host -> host.softwareVersion().get(key))
        .filter(value -> value != null)
        .reduce((a, b) -> (Versions.compare(a, b) >= 0) == newest ? a : b);
  }

  private static void cpu(PoolInventory source, PoolInventory destination, List<Row> rows) {
    String from = vendors(source);
    String to = vendors(destination);
    boolean sameVendor = from.equals(to);
    rows.add(
        new Row(
            Aspect.CPU,
            "vendor",
            from,
            to,
            sameVendor ? Status.MATCH : Status.WORSE,
            sameVendor ? "" : "Running VMs cannot move between CPU vendors; move them halted."));
    String fromLevel = level(source);
    String toLevel = level(destination);
    boolean fits = CpuFeatures.isSubset(fromLevel, toLevel);
    rows.add(
        new Row(
            Aspect.CPU,
            "features_hvm",
            fromLevel,
            toLevel,
            fits ? Status.MATCH : Status.WORSE,
            fits
                ? ""
                : "The destination's CPU level lacks features of the source's: running VMs that"
                    + " booted with them get VM_INCOMPATIBLE_WITH_THIS_HOST."));
  }

  private static String vendors(PoolInventory pool) {
    return pool.hosts().values().stream()
        .map(Host::cpuVendor)
        .collect(Collectors.toCollection(TreeSet::new))
        .stream()
        .collect(Collectors.joining(","));
  }

  /** The pool level: the bitwise AND of every host's features_hvm words. */
  private static String level(PoolInventory pool) {
    long[] level = null;
    for (Host host : pool.hosts().values()) {
      long[] words = CpuFeatures.parse(host.cpuInfo().getOrDefault("features_hvm", ""));
      if (level == null) {
        level = words;
      } else {
        long[] next = new long[Math.min(level.length, words.length)];
        for (int i = 0; i < next.length; i++) {
          next[i] = level[i] & words[i];
        }
        level = next;
      }
    }
    if (level == null) {
      return "";
    }
    List<String> hex = new ArrayList<>();
    for (long word : level) {
      hex.add(String.format(java.util.Locale.ROOT, "%08x", word));
    }
    return String.join("-", hex);
  }

  private static void networks(PoolInventory source, PoolInventory destination, List<Row> rows) {
    TreeMap<String, Network> byName = new TreeMap<>();
    destination
        .networks()
        .values()
        .forEach(network -> byName.putIfAbsent(network.nameLabel(), network));
    TreeMap<String, Network> sourceByName = new TreeMap<>();
    source
        .networks()
        .values()
        .forEach(network -> sourceByName.putIfAbsent(network.nameLabel(), network));
    for (Network from : sourceByName.values()) {
      String fromText = describe(source, from);
      Network to = byName.get(from.nameLabel());
      if (to == null) {
        rows.add(
            new Row(
                Aspect.NETWORK,
                from.nameLabel(),
                fromText,
                "",
                Status.MISSING,
                "No destination network has this name; VIFs on it map by VLAN or bridge, or not"
                    + " at all."));
        continue;
      }
      long fromVlan = source.vlanOf(from);
      long toVlan = destination.vlanOf(to);
      String note = "";
      if (fromVlan != toVlan) {
        note = "Same name on another VLAN: check that it is really the same segment.";
      } else if (to.mtu() < from.mtu()) {
        note = "The destination's MTU is smaller: large frames of the guests will be dropped.";
      }
      rows.add(
          new Row(
              Aspect.NETWORK,
              from.nameLabel(),
              fromText,
              describe(destination, to),
              note.isEmpty() ? Status.MATCH : Status.WORSE,
              note));
    }
  }

  private static String describe(PoolInventory pool, Network network) {
    long vlan = pool.vlanOf(network);
    return (vlan < 0 ? "untagged" : "VLAN " + vlan) + ", MTU " + network.mtu();
  }

  private static void srTypes(PoolInventory source, PoolInventory destination, List<Row> rows) {
    TreeMap<String, List<Sr>> fromTypes = byType(source);
    TreeMap<String, List<Sr>> toTypes = byType(destination);
    for (var entry : fromTypes.entrySet()) {
      String type = entry.getKey();
      boolean canSend =
          entry.getValue().stream().allMatch(sr -> SrCapabilities.missingToSend(sr).isEmpty());
      List<Sr> there = toTypes.getOrDefault(type, List.of());
      boolean canReceive =
          there.stream().anyMatch(sr -> SrCapabilities.missingToReceive(sr).isEmpty());
      Status status =
          there.isEmpty() ? Status.MISSING : (canSend && canReceive ? Status.MATCH : Status.WORSE);
      String note =
          !canSend
              ? "SRs of this type cannot send a live disk copy (SR_DOES_NOT_SUPPORT_MIGRATION)."
              : there.isEmpty()
                  ? "The destination has no SR of this type; disks go to another type."
                  : canReceive ? "" : "No destination SR of this type can receive a live copy.";
      rows.add(
          new Row(
              Aspect.SR_TYPE,
              type,
              entry.getValue().size() + " SR(s)",
              there.size() + " SR(s)",
              status,
              note));
    }
  }

  private static TreeMap<String, List<Sr>> byType(PoolInventory pool) {
    TreeMap<String, List<Sr>> types = new TreeMap<>();
    pool.srs().values().stream()
        .filter(SrCapabilities::holdsUserDisks)
        .forEach(sr -> types.computeIfAbsent(sr.type(), type -> new ArrayList<>()).add(sr));
    return types;
  }
}

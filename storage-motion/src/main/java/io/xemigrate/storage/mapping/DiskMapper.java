package io.xemigrate.storage.mapping;

import com.google.common.collect.ImmutableList;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.Sr;
import io.xemigrate.xapi.model.Vdi;
import io.xemigrate.xapi.model.Vm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Maps every disk of a VM and of its snapshots to an SR the destination host can use.
 *
 * <p>Rules, first match wins: the user's explicit map; the plan's default SR; the disk's current SR
 * when the destination host sees it (shared storage, nothing to copy); an SR with the source SR's
 * name, then one of its type, that keeps its headroom, the emptiest first (spreading the load); the
 * destination pool's default SR. A snapshot disk follows its parent when the parent is mapped.
 * Rule-chosen SRs must accept storage motion and keep {@code headroomFraction} of their size free
 * after every copy of the plan ({@link SrLedger}); the user's choices are taken as given and
 * checked elsewhere, so a bad choice is reported rather than silently replaced.
 */
public final class DiskMapper {
  private final PoolInventory source;
  private final PoolInventory destination;
  private final DiskOverrides overrides;
  private final SrChooser chooser;
  // Placement maps one VM for many hosts in a row: its disks are read from the inventory once.
  private String lastVmUuid = "";
  private ImmutableList<VmDisk> lastDisks = ImmutableList.of();
  private Map<String, List<Vdi>> lastFollowers = Map.of();
  // Hosts that see the same SRs get the same map: one map per distinct view, per VM and ledger.
  private final Map<String, String> viewByHost = new HashMap<>();
  private final Map<String, DiskMap> byView = new HashMap<>();
  private SrLedger lastLedger;
  private long lastLedgerVersion = -1;

  public DiskMapper(
      PoolInventory source,
      PoolInventory destination,
      DiskOverrides overrides,
      double headroomFraction) {
    this.source = source;
    this.destination = destination;
    this.overrides = overrides;
    this.chooser = new SrChooser(destination, headroomFraction);
  }

  /** The disk map of the VM if it goes to the given host, given the plan's earlier copies. */
  public DiskMap map(Vm vm, String hostUuid, SrLedger ledger) {
    // UUIDs identify a VM within the one source inventory this mapper reads.
    if (!vm.uuid().equals(lastVmUuid)
        || ledger != lastLedger
        || ledger.version() != lastLedgerVersion) {
      if (!vm.uuid().equals(lastVmUuid)) {
        lastVmUuid = vm.uuid();
        lastDisks = VmDisk.of(source, vm);
        lastFollowers = followers(lastDisks);
      }
      lastLedger = ledger;
      lastLedgerVersion = ledger.version();
      byView.clear();
    }
    return byView.computeIfAbsent(view(hostUuid), view -> compute(hostUuid, ledger));
  }

  /**
   * What of the destination a host sees that the map depends on: the SRs it could receive on, and
   * which of the VM's current SRs it sees.
   */
  private String view(String hostUuid) {
    StringBuilder view =
        new StringBuilder(
            viewByHost.computeIfAbsent(
                hostUuid,
                host ->
                    chooser.receiving(host).stream()
                        .map(Sr::uuid)
                        .collect(Collectors.joining(","))));
    view.append('|');
    for (VmDisk disk : lastDisks) {
      Sr current = destination.srs().get(disk.vdi().srUuid());
      view.append(current != null && current.visibleFrom(hostUuid) ? '1' : '0');
    }
    return view.toString();
  }

  private DiskMap compute(String hostUuid, SrLedger ledger) {
    ImmutableList.Builder<DiskMapping> mapped = ImmutableList.builder();
    ImmutableList.Builder<UnmappedDisk> unmapped = ImmutableList.builder();
    Map<String, DiskMapping> byVdi = new HashMap<>();
    Map<String, Long> tally = new HashMap<>();
    ImmutableList<VmDisk> disks = lastDisks;
    Map<String, List<Vdi>> followers = lastFollowers;
    for (VmDisk disk : disks) {
      List<Vdi> children = followers.getOrDefault(disk.vdi().uuid(), List.of());
      Optional<DiskMapping> mapping = mapOne(disk, children, hostUuid, ledger, tally, byVdi);
      if (mapping.isPresent()) {
        DiskMapping chosen = mapping.get();
        mapped.add(chosen);
        byVdi.put(chosen.vdiUuid(), chosen);
        if (chosen.moves()) {
          tally.merge(chosen.destinationSrUuid(), chosen.bytesOnDestination(), Long::sum);
        }
      } else {
        unmapped.add(
            new UnmappedDisk(
                disk.vdi().uuid(),
                disk.ownerUuid(),
                disk.snapshot(),
                "no SR the destination host sees accepts storage motion and has room for "
                    + disk.vdi().virtualSize()
                    + " bytes, and no default SR applies"));
      }
    }
    return new DiskMap(mapped.build(), unmapped.build());
  }

  /** Snapshot disks by parent: they follow it, so an SR chosen for a parent must hold them too. */
  private static Map<String, List<Vdi>> followers(List<VmDisk> disks) {
    Map<String, List<Vdi>> followers = new HashMap<>();
    for (VmDisk disk : disks) {
      if (disk.snapshot() && !disk.vdi().snapshotOfUuid().isEmpty()) {
        followers
            .computeIfAbsent(disk.vdi().snapshotOfUuid(), parent -> new ArrayList<>())
            .add(disk.vdi());
      }
    }
    return followers;
  }

  private Optional<DiskMapping> mapOne(
      VmDisk disk,
      List<Vdi> children,
      String hostUuid,
      SrLedger ledger,
      Map<String, Long> tally,
      Map<String, DiskMapping> byVdi) {
    Vdi vdi = disk.vdi();
    String explicit = overrides.srByVdi().get(vdi.uuid());
    if (explicit != null) {
      return Optional.of(to(disk, explicit, DiskMappingRule.EXPLICIT, "the user mapped it"));
    }
    if (disk.snapshot() && byVdi.containsKey(vdi.snapshotOfUuid())) {
      String parentSr = byVdi.get(vdi.snapshotOfUuid()).destinationSrUuid();
      return Optional.of(
          to(disk, parentSr, DiskMappingRule.FOLLOWS_PARENT, "it follows its parent disk"));
    }
    if (!overrides.defaultSrUuid().isEmpty()) {
      return Optional.of(
          to(disk, overrides.defaultSrUuid(), DiskMappingRule.PLAN_DEFAULT, "the plan's SR"));
    }
    Optional<Sr> current = destination.sr(vdi.srUuid());
    if (current.isPresent() && current.get().visibleFrom(hostUuid)) {
      return Optional.of(
          to(
              disk,
              vdi.srUuid(),
              DiskMappingRule.SHARED_IN_PLACE,
              "the destination host sees its SR: nothing to copy"));
    }
    Optional<Sr> sourceSr = source.sr(vdi.srUuid());
    List<Sr> receiving = chooser.receiving(hostUuid);
    if (sourceSr.isPresent()) {
      Sr from = sourceSr.get();
      Optional<Sr> sameName =
          chooser.roomiest(
              receiving,
              sr -> sr.nameLabel().equals(from.nameLabel()),
              disk,
              children,
              ledger,
              tally);
      if (sameName.isPresent()) {
        return Optional.of(
            to(
                disk,
                sameName.get().uuid(),
                DiskMappingRule.SAME_NAME,
                "it has the source SR's name '" + from.nameLabel() + "' and room"));
      }
      Optional<Sr> sameType =
          chooser.roomiest(
              receiving, sr -> sr.type().equals(from.type()), disk, children, ledger, tally);
      if (sameType.isPresent()) {
        return Optional.of(
            to(
                disk,
                sameType.get().uuid(),
                DiskMappingRule.SAME_TYPE,
                "it has the source SR's type '" + from.type() + "' and the most room"));
      }
    }
    String poolDefault = destination.pool().defaultSrUuid();
    Optional<Sr> fallback =
        chooser.roomiest(
            receiving, sr -> sr.uuid().equals(poolDefault), disk, children, ledger, tally);
    return fallback.map(
        sr ->
            to(
                disk,
                sr.uuid(),
                DiskMappingRule.POOL_DEFAULT,
                "it is the destination pool's default SR"));
  }

  private DiskMapping to(VmDisk disk, String srUuid, DiskMappingRule rule, String why) {
    Vdi vdi = disk.vdi();
    boolean moves = !srUuid.equals(vdi.srUuid());
    long bytes =
        moves
            ? destination
                .sr(srUuid)
                .map(sr -> SrSpace.bytesOnDestination(sr, vdi))
                .orElse(vdi.virtualSize())
            : 0;
    String name = destination.sr(srUuid).map(Sr::nameLabel).orElse(srUuid);
    return new DiskMapping(
        vdi.uuid(),
        disk.ownerUuid(),
        disk.snapshot(),
        vdi.srUuid(),
        srUuid,
        rule,
        moves,
        bytes,
        "SR '" + name + "' (" + rule.label() + "): " + why + ".");
  }
}

package io.xemigrate.xapi.internal;

import static io.xemigrate.xapi.internal.Fields.flag;
import static io.xemigrate.xapi.internal.Fields.map;
import static io.xemigrate.xapi.internal.Fields.num;
import static io.xemigrate.xapi.internal.Fields.ref;
import static io.xemigrate.xapi.internal.Fields.str;
import static io.xemigrate.xapi.internal.Fields.uuids;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedMap;
import com.xensource.xenapi.HostMetrics;
import com.xensource.xenapi.SM;
import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.Network;
import io.xemigrate.xapi.model.Pif;
import io.xemigrate.xapi.model.Pool;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.Sr;
import io.xemigrate.xapi.model.Vbd;
import io.xemigrate.xapi.model.Vdi;
import io.xemigrate.xapi.model.Vif;
import io.xemigrate.xapi.model.Vm;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** Turns the SDK records of a pool into the SDK-free, UUID-keyed {@link PoolInventory}. */
final class InventoryAssembler {
  private final PoolRecords records;
  private final Map<String, String> uuidByRef;

  InventoryAssembler(PoolRecords records, Map<String, String> uuidByRef) {
    this.records = records;
    this.uuidByRef = uuidByRef;
  }

  static PoolInventory assemble(PoolRecords records, String token, Instant capturedAt) {
    return new InventoryAssembler(records, records.uuidIndex()).inventory(token, capturedAt);
  }

  /** The UUID of a referenced object, or "" for a null or unknown reference. */
  String uuidOf(String ref) {
    return uuidByRef.getOrDefault(ref, "");
  }

  private PoolInventory inventory(String token, Instant capturedAt) {
    VmAssembler vms = new VmAssembler(records, this::uuidOf);
    return new PoolInventory(
        pool(),
        sorted(records.hosts.values().stream().map(this::host), Host::uuid),
        sorted(vms.vms(), Vm::uuid),
        sorted(vms.vbds(), Vbd::uuid),
        sorted(vms.vdis(), Vdi::uuid),
        sorted(records.srs.entrySet().stream().map(e -> sr(e.getKey(), e.getValue())), Sr::uuid),
        sorted(records.networks.values().stream().map(this::network), Network::uuid),
        sorted(records.pifs.values().stream().map(this::pif), Pif::uuid),
        sorted(vms.vifs(), Vif::uuid),
        token,
        capturedAt);
  }

  /**
   * The next snapshot after {@code previous}: the small tables (pool, hosts, SRs, networks, PIFs)
   * are rebuilt, the large ones (VMs, VBDs, VDIs, VIFs) patched for the objects that changed, so a
   * batch costs in proportion to its changes rather than to the pool.
   */
  PoolInventory update(
      PoolInventory previous, InventoryChanges changes, String token, Instant capturedAt) {
    VmAssembler vms = new VmAssembler(records, this::uuidOf);
    Set<String> vmRefs = new HashSet<>(changes.refs("vm"));
    Set<String> metrics = changes.refs("vm_metrics");
    Set<String> guests = changes.refs("vm_guest_metrics");
    if (!metrics.isEmpty() || !guests.isEmpty()) {
      records.vms.forEach(
          (ref, record) -> {
            if (metrics.contains(ref(record.metrics))
                || guests.contains(ref(record.guestMetrics))) {
              vmRefs.add(ref);
            }
          });
    }
    vmRefs.addAll(vmsOfChangedVgpus(changes));
    return new PoolInventory(
        pool(),
        sorted(records.hosts.values().stream().map(this::host), Host::uuid),
        patch(previous.vms(), vmRefs, records.vms, vms::vm, Vm::uuid, changes.deletedUuids("vm")),
        patch(
            previous.vbds(),
            changes.refs("vbd"),
            records.vbds,
            vms::vbd,
            Vbd::uuid,
            changes.deletedUuids("vbd")),
        patch(
            previous.vdis(),
            changes.refs("vdi"),
            records.vdis,
            vms::vdi,
            Vdi::uuid,
            changes.deletedUuids("vdi")),
        sorted(records.srs.entrySet().stream().map(e -> sr(e.getKey(), e.getValue())), Sr::uuid),
        sorted(records.networks.values().stream().map(this::network), Network::uuid),
        sorted(records.pifs.values().stream().map(this::pif), Pif::uuid),
        patch(
            previous.vifs(),
            changes.refs("vif"),
            records.vifs,
            vms::vif,
            Vif::uuid,
            changes.deletedUuids("vif")),
        token,
        capturedAt);
  }

  /** A vGPU's {@code PCI} or its type's implementation decides its VM's passed-through PCIs. */
  private Set<String> vmsOfChangedVgpus(InventoryChanges changes) {
    Set<String> vgpus = changes.refs("vgpu");
    Set<String> types = changes.refs("vgpu_type");
    Set<String> vms = new HashSet<>();
    if (!vgpus.isEmpty() || !types.isEmpty()) {
      records.vgpus.forEach(
          (ref, vgpu) -> {
            if (vgpus.contains(ref) || types.contains(ref(vgpu.type))) {
              vms.add(ref(vgpu.VM));
            }
          });
    }
    return vms;
  }

  private static <R, T> ImmutableSortedMap<String, T> patch(
      ImmutableSortedMap<String, T> previous,
      Set<String> changedRefs,
      Map<String, R> table,
      Function<R, T> mapper,
      Function<T, String> uuid,
      Set<String> deletedUuids) {
    if (changedRefs.isEmpty() && deletedUuids.isEmpty()) {
      return previous;
    }
    TreeMap<String, T> next = new TreeMap<>(previous);
    deletedUuids.forEach(next::remove);
    for (String ref : changedRefs) {
      R record = table.get(ref);
      if (record != null) {
        T value = mapper.apply(record);
        next.put(uuid.apply(value), value);
      }
    }
    return ImmutableSortedMap.copyOfSorted(next);
  }

  static <T> ImmutableSortedMap<String, T> sorted(
      java.util.stream.Stream<T> values, Function<T, String> uuid) {
    return values.collect(
        ImmutableSortedMap.toImmutableSortedMap(
            java.util.Comparator.naturalOrder(), uuid, value -> value, (first, second) -> first));
  }

  private Pool pool() {
    return records.pools.values().stream()
        .findFirst()
        .map(
            record ->
                new Pool(
                    str(record.uuid),
                    str(record.nameLabel),
                    uuidOf(ref(record.master)),
                    uuidOf(ref(record.defaultSR)),
                    map(record.otherConfig)))
        .orElseThrow(() -> new IllegalStateException("the pool has no pool record"));
  }

  private Host host(com.xensource.xenapi.Host.Record record) {
    HostMetrics.Record metrics = records.hostMetrics.get(ref(record.metrics));
    return new Host(
        str(record.uuid),
        str(record.nameLabel),
        str(record.address),
        flag(record.enabled),
        metrics != null && flag(metrics.live),
        map(record.cpuInfo),
        map(record.softwareVersion),
        metrics == null ? 0 : num(metrics.memoryTotal),
        metrics == null ? 0 : num(metrics.memoryFree),
        num(record.memoryOverhead),
        record.virtualHardwarePlatformVersions == null
            ? ImmutableList.of()
            : ImmutableList.sortedCopyOf(record.virtualHardwarePlatformVersions),
        uuids(record.PIFs, this::uuidOf),
        map(record.otherConfig));
  }

  private Sr sr(String srRef, com.xensource.xenapi.SR.Record record) {
    ImmutableSet<String> attached =
        records.pbds.values().stream()
            .filter(pbd -> ref(pbd.SR).equals(srRef) && flag(pbd.currentlyAttached))
            .map(pbd -> uuidOf(ref(pbd.host)))
            .filter(uuid -> !uuid.isEmpty())
            .collect(ImmutableSet.toImmutableSet());
    return Sr.builder(str(record.uuid))
        .nameLabel(str(record.nameLabel))
        .type(str(record.type))
        .shared(flag(record.shared))
        .physicalSize(num(record.physicalSize))
        .physicalUtilisation(num(record.physicalUtilisation))
        .virtualAllocation(num(record.virtualAllocation))
        .contentType(str(record.contentType))
        .smCapabilities(capabilities(str(record.type)))
        .attachedHostUuids(attached)
        .otherConfig(map(record.otherConfig))
        .build();
  }

  /**
   * The capabilities of the SM driver of an SR type: {@code capabilities} plus the names that key
   * {@code features} (xapi maps each to its version: {@code VDI_MIRROR -> 2}). No record, or
   * several, for the type means none, as xapi treats it (docs/xapi-behaviour.md#sr-capabilities).
   */
  private ImmutableSet<String> capabilities(String srType) {
    var matching = records.sms.values().stream().filter(sm -> srType.equals(sm.type)).toList();
    if (matching.size() != 1) {
      return ImmutableSet.of();
    }
    SM.Record sm = matching.get(0);
    ImmutableSet.Builder<String> capabilities = ImmutableSet.builder();
    if (sm.capabilities != null) {
      capabilities.addAll(sm.capabilities);
    }
    if (sm.features != null) {
      capabilities.addAll(sm.features.keySet());
    }
    return capabilities.build();
  }

  private Network network(com.xensource.xenapi.Network.Record record) {
    return new Network(
        str(record.uuid),
        str(record.nameLabel),
        str(record.bridge),
        num(record.MTU),
        uuids(record.PIFs, this::uuidOf),
        map(record.otherConfig));
  }

  private Pif pif(com.xensource.xenapi.PIF.Record record) {
    return Pif.builder(str(record.uuid))
        .hostUuid(uuidOf(ref(record.host)))
        .networkUuid(uuidOf(ref(record.network)))
        .device(str(record.device))
        .mac(str(record.MAC))
        .vlan(record.VLAN == null ? -1 : record.VLAN)
        .management(flag(record.management))
        .ipConfigurationMode(
            record.ipConfigurationMode == null ? "None" : record.ipConfigurationMode.toString())
        .ip(str(record.IP))
        .netmask(str(record.netmask))
        .currentlyAttached(flag(record.currentlyAttached))
        .speedMbps(speedOf(ref(record.metrics)))
        .build();
  }

  /** {@code PIF_metrics.speed} in Mbit/s; 0 when the metrics or the speed are missing. */
  private long speedOf(String metricsRef) {
    com.xensource.xenapi.PIFMetrics.Record metrics = records.pifMetrics.get(metricsRef);
    return metrics == null || metrics.speed == null ? 0 : Math.max(0, metrics.speed);
  }
}

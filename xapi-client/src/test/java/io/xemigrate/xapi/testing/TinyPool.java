package io.xemigrate.xapi.testing;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedMap;
import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.Network;
import io.xemigrate.xapi.model.Pif;
import io.xemigrate.xapi.model.Pool;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.PowerState;
import io.xemigrate.xapi.model.Sr;
import io.xemigrate.xapi.model.Vbd;
import io.xemigrate.xapi.model.Vdi;
import io.xemigrate.xapi.model.Vif;
import io.xemigrate.xapi.model.Vm;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A tiny pool inventory for mapping tests, shared by the modules above the client (a test jar):
 * hosts, networks with PIFs, SRs, and VMs with VIFs or with disks, each optionally with a snapshot.
 * Ids double as UUIDs and names.
 */
public final class TinyPool {
  public static final long GIB = 1L << 30;

  /** The SM capabilities of an SR that can take part in storage motion. */
  public static final List<String> MOTION = List.of("VDI_SNAPSHOT", "VDI_MIRROR", "VDI_MIRROR_IN");

  private final String id;
  private final List<String> hosts;
  private final Map<String, Network> networks = new TreeMap<>();
  private final Map<String, Pif> pifs = new TreeMap<>();
  private final Map<String, Vif> vifs = new TreeMap<>();
  private final Map<String, Sr> srs = new TreeMap<>();
  private final Map<String, Vdi> vdis = new TreeMap<>();
  private final Map<String, Vbd> vbds = new TreeMap<>();
  private final Map<String, Vm> vms = new TreeMap<>();
  private String defaultSr = "";

  /** A pool whose master is the first host. */
  public TinyPool(String id, String... hosts) {
    this.id = id;
    this.hosts = List.of(hosts);
  }

  /** The management network {@code ID-mgmt} (bridge xenbr0, 10.0.0.1) on every host. */
  public TinyPool managementNetwork() {
    return network(
        id + "-mgmt",
        "Management",
        "xenbr0",
        1500,
        -1,
        true,
        "10.0.0.1",
        hosts.toArray(String[]::new));
  }

  /** A network with a PIF (with the given IP, or none when empty) on each listed host. */
  public TinyPool network(
      String netId,
      String name,
      String bridge,
      long mtu,
      long vlan,
      boolean management,
      String ip,
      String... on) {
    List<String> pifIds = new ArrayList<>();
    for (String host : on) {
      String pifId = netId + "@" + host;
      pifs.put(
          pifId,
          Pif.builder(pifId)
              .hostUuid(host)
              .networkUuid(netId)
              .device("eth0")
              .mac("")
              .vlan(vlan)
              .management(management)
              .ipConfigurationMode(ip.isEmpty() ? "None" : "Static")
              .ip(ip)
              .netmask("")
              .currentlyAttached(true)
              .build());
      pifIds.add(pifId);
    }
    networks.put(
        netId,
        new Network(netId, name, bridge, mtu, ImmutableList.copyOf(pifIds), ImmutableMap.of()));
    return this;
  }

  /** An SR with 1000 GiB, {@code freeGib} of them free, seen by the listed hosts (none: all). */
  public TinyPool sr(String srId, String name, String type, long freeGib, String... seenBy) {
    srs.put(
        srId,
        Sr.builder(srId)
            .nameLabel(name)
            .type(type)
            .shared(seenBy.length > 1)
            .physicalSize(1000 * GIB)
            .physicalUtilisation((1000 - freeGib) * GIB)
            .virtualAllocation(0)
            .contentType("user")
            .smCapabilities(ImmutableSet.copyOf(MOTION))
            .attachedHostUuids(ImmutableSet.copyOf(seenBy.length == 0 ? hosts : List.of(seenBy)))
            .build());
    return this;
  }

  public TinyPool defaultSr(String srId) {
    defaultSr = srId;
    return this;
  }

  /** A VM with VIFs given as {@code vif@network=mac}, and a snapshot with its own VIF specs. */
  public TinyPool vm(String vmId, List<String> vifSpecs, List<String> snapshotVifSpecs) {
    List<String> own = vifs(vmId, vifSpecs);
    List<String> snapshots = new ArrayList<>();
    if (!snapshotVifSpecs.isEmpty()) {
      String snapId = vmId + "-snap";
      vms.put(snapId, vm(snapId, vmId, List.of(), List.of(), vifs(snapId, snapshotVifSpecs)));
      snapshots.add(snapId);
    }
    vms.put(vmId, vm(vmId, "", snapshots, List.of(), own));
    return this;
  }

  /** A VM with one disk per {@code vdi@sr:gib} spec, and optionally a snapshot of each disk. */
  public TinyPool vm(String vmId, boolean withSnapshot, String... disks) {
    List<String> vbdIds = new ArrayList<>();
    List<String> snapVbds = new ArrayList<>();
    for (String spec : disks) {
      String vdi = spec.substring(0, spec.indexOf('@'));
      String sr = spec.substring(spec.indexOf('@') + 1, spec.indexOf(':'));
      long gib = Long.parseLong(spec.substring(spec.indexOf(':') + 1));
      vdis.put(vdi, vdi(vdi, sr, gib, ""));
      vbds.put(vmId + vdi, new Vbd(vmId + vdi, vmId, vdi, "0", Vbd.Type.DISK, false, true, false));
      vbdIds.add(vmId + vdi);
      if (withSnapshot) {
        String snapVbd = "s" + vmId + vdi;
        vdis.put(vdi + "-snap", vdi(vdi + "-snap", sr, gib, vdi));
        vbds.put(
            snapVbd,
            new Vbd(
                snapVbd, vmId + "-snap", vdi + "-snap", "0", Vbd.Type.DISK, false, false, false));
        snapVbds.add(snapVbd);
      }
    }
    List<String> snapshots = withSnapshot ? List.of(vmId + "-snap") : List.of();
    if (withSnapshot) {
      vms.put(vmId + "-snap", vm(vmId + "-snap", vmId, List.of(), snapVbds, List.of()));
    }
    vms.put(vmId, vm(vmId, "", snapshots, vbdIds, List.of()));
    return this;
  }

  public PoolInventory build() {
    ImmutableSortedMap.Builder<String, Host> hostMap = ImmutableSortedMap.naturalOrder();
    for (String host : hosts) {
      hostMap.put(host, host(host));
    }
    return new PoolInventory(
        new Pool(id, id, hosts.get(0), defaultSr, ImmutableMap.of()),
        hostMap.build(),
        ImmutableSortedMap.copyOf(vms),
        ImmutableSortedMap.copyOf(vbds),
        ImmutableSortedMap.copyOf(vdis),
        ImmutableSortedMap.copyOf(srs),
        ImmutableSortedMap.copyOf(networks),
        ImmutableSortedMap.copyOf(pifs),
        ImmutableSortedMap.copyOf(vifs),
        "1",
        Instant.EPOCH);
  }

  private List<String> vifs(String owner, List<String> specs) {
    List<String> ids = new ArrayList<>();
    for (String spec : specs) {
      String vif = spec.substring(0, spec.indexOf('@'));
      String net = spec.substring(spec.indexOf('@') + 1, spec.indexOf('='));
      String mac = spec.substring(spec.indexOf('=') + 1);
      vifs.put(vif, new Vif(vif, owner, net, mac, "0", 1500, "network_default", true, false));
      ids.add(vif);
    }
    return ids;
  }

  private static Host host(String id) {
    return new Host(
        id,
        id,
        "",
        true,
        true,
        ImmutableMap.of(),
        ImmutableMap.of(),
        0,
        0,
        0,
        ImmutableList.of(),
        ImmutableList.of(),
        ImmutableMap.of());
  }

  private static Vdi vdi(String id, String sr, long gib, String snapshotOf) {
    return new Vdi(
        id,
        id,
        sr,
        gib * GIB,
        gib * GIB / 2,
        "user",
        !snapshotOf.isEmpty(),
        snapshotOf,
        false,
        false,
        false,
        ImmutableMap.of(),
        ImmutableSet.of());
  }

  /** A running VM of 1 GiB, or (with {@code snapshotOf}) its halted snapshot. */
  private static Vm vm(
      String id, String snapshotOf, List<String> snaps, List<String> vbds, List<String> vifs) {
    boolean snapshot = !snapshotOf.isEmpty();
    return Vm.builder(id)
        .nameLabel(id)
        .powerState(snapshot ? PowerState.HALTED : PowerState.RUNNING)
        .residentOnHostUuid("")
        .isSnapshot(snapshot)
        .snapshotOfUuid(snapshotOf)
        .snapshotUuids(ImmutableList.copyOf(snaps))
        .memory(new Vm.Memory(GIB, GIB, GIB, GIB, 0))
        .memoryActual(0)
        .vcpusMax(1)
        .vcpusAtStartup(1)
        .vbdUuids(ImmutableList.copyOf(vbds))
        .vifUuids(ImmutableList.copyOf(vifs))
        .build();
  }
}

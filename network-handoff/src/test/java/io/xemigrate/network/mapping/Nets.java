package io.xemigrate.network.mapping;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.Network;
import io.xemigrate.xapi.model.Pif;
import io.xemigrate.xapi.model.Pool;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.PowerState;
import io.xemigrate.xapi.model.Vif;
import io.xemigrate.xapi.model.Vm;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Tiny inventories for NIC mapping tests: networks with PIFs, and VMs with VIFs. */
final class Nets {
  private final String id;
  private final List<String> hosts;
  private final Map<String, Network> networks = new TreeMap<>();
  private final Map<String, Pif> pifs = new TreeMap<>();
  private final Map<String, Vif> vifs = new TreeMap<>();
  private final Map<String, Vm> vms = new TreeMap<>();

  Nets(String id, String... hosts) {
    this.id = id;
    this.hosts = List.of(hosts);
    network(id + "-mgmt", "Management", "xenbr0", 1500, -1, true, "10.0.0.1", hosts);
  }

  /** A network with a PIF (with the given IP, or none when empty) on each listed host. */
  Nets network(
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
              .vlan(vlan)
              .management(management)
              .ipConfigurationMode(ip.isEmpty() ? "None" : "Static")
              .ip(ip)
              .build());
      pifIds.add(pifId);
    }
    networks.put(
        netId,
        new Network(netId, name, bridge, mtu, ImmutableList.copyOf(pifIds), ImmutableMap.of()));
    return this;
  }

  /** A VM with VIFs given as {@code vif@network=mac}, and a snapshot with its own VIF specs. */
  Nets vm(String vmId, List<String> vifSpecs, List<String> snapshotVifSpecs) {
    List<String> own = vifs(vmId, vifSpecs);
    List<String> snapshots = new ArrayList<>();
    if (!snapshotVifSpecs.isEmpty()) {
      String snapId = vmId + "-snap";
      vms.put(snapId, vm(snapId, true, vifs(snapId, snapshotVifSpecs), List.of()));
      snapshots.add(snapId);
    }
    vms.put(vmId, vm(vmId, false, own, snapshots));
    return this;
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

  PoolInventory build() {
    ImmutableSortedMap.Builder<String, Host> hostMap = ImmutableSortedMap.naturalOrder();
    for (String host : hosts) {
      hostMap.put(
          host,
          new Host(
              host,
              host,
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
              ImmutableMap.of()));
    }
    return new PoolInventory(
        new Pool(id, id, hosts.get(0), "", ImmutableMap.of()),
        hostMap.build(),
        ImmutableSortedMap.copyOf(vms),
        ImmutableSortedMap.of(),
        ImmutableSortedMap.of(),
        ImmutableSortedMap.of(),
        ImmutableSortedMap.copyOf(networks),
        ImmutableSortedMap.copyOf(pifs),
        ImmutableSortedMap.copyOf(vifs),
        "1",
        Instant.EPOCH);
  }

  private static Vm vm(String id, boolean snapshot, List<String> vifs, List<String> snaps) {
    return Vm.builder(id)
        .nameLabel(id)
        .powerState(snapshot ? PowerState.HALTED : PowerState.RUNNING)
        .isSnapshot(snapshot)
        .snapshotUuids(ImmutableList.copyOf(snaps))
        .vifUuids(ImmutableList.copyOf(vifs))
        .build();
  }
}

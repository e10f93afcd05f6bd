package io.xemigrate.xapi.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.Multimaps;
import java.time.Instant;
import java.util.Optional;

/**
 * One consistent snapshot of a pool: every object that migration reads, keyed by UUID (maps are
 * sorted by UUID, so iteration is deterministic).
 *
 * @param eventToken the {@code event.from} token this snapshot is current up to
 * @param capturedAt when the snapshot was taken; planners use it as "now"
 */
public record PoolInventory(
    Pool pool,
    ImmutableSortedMap<String, Host> hosts,
    ImmutableSortedMap<String, Vm> vms,
    ImmutableSortedMap<String, Vbd> vbds,
    ImmutableSortedMap<String, Vdi> vdis,
    ImmutableSortedMap<String, Sr> srs,
    ImmutableSortedMap<String, Network> networks,
    ImmutableSortedMap<String, Pif> pifs,
    ImmutableSortedMap<String, Vif> vifs,
    String eventToken,
    Instant capturedAt) {

  public Optional<Host> host(String uuid) {
    return Optional.ofNullable(hosts.get(uuid));
  }

  public Optional<Vm> vm(String uuid) {
    return Optional.ofNullable(vms.get(uuid));
  }

  public Optional<Vdi> vdi(String uuid) {
    return Optional.ofNullable(vdis.get(uuid));
  }

  public Optional<Sr> sr(String uuid) {
    return Optional.ofNullable(srs.get(uuid));
  }

  public Optional<Network> network(String uuid) {
    return Optional.ofNullable(networks.get(uuid));
  }

  /** The pool master. */
  public Host master() {
    Host master = hosts.get(pool.masterHostUuid());
    if (master == null) {
      throw new IllegalStateException("pool " + pool.uuid() + " has no master in its inventory");
    }
    return master;
  }

  /** User VMs (not dom0, templates or snapshots), in UUID order. */
  public ImmutableList<Vm> guests() {
    return vms.values().stream().filter(Vm::isGuest).collect(ImmutableList.toImmutableList());
  }

  /** User VMs that run on the given host, in UUID order. */
  public ImmutableList<Vm> residentOn(String hostUuid) {
    return vms.values().stream()
        .filter(vm -> vm.isGuest() && vm.residentOnHostUuid().equals(hostUuid))
        .collect(ImmutableList.toImmutableList());
  }

  /** The VBDs of a VM, in its own order. */
  public ImmutableList<Vbd> vbdsOf(Vm vm) {
    return vm.vbdUuids().stream()
        .map(vbds::get)
        .filter(vbd -> vbd != null)
        .collect(ImmutableList.toImmutableList());
  }

  /** The VIFs of a VM, in its own order. */
  public ImmutableList<Vif> vifsOf(Vm vm) {
    return vm.vifUuids().stream()
        .map(vifs::get)
        .filter(vif -> vif != null)
        .collect(ImmutableList.toImmutableList());
  }

  /** The disks of a VM (VBDs of type disk that are not empty), in VBD order. */
  public ImmutableList<Vdi> disksOf(Vm vm) {
    return vbdsOf(vm).stream()
        .filter(vbd -> !vbd.empty() && !vbd.vdiUuid().isEmpty())
        .map(vbd -> vdis.get(vbd.vdiUuid()))
        .filter(vdi -> vdi != null)
        .collect(ImmutableList.toImmutableList());
  }

  /** The PIFs of every host, grouped by host UUID. */
  public ImmutableListMultimap<String, Pif> pifsByHost() {
    return Multimaps.index(pifs.values(), Pif::hostUuid);
  }

  /** The PIF of a host on a network, if the host has one. */
  public Optional<Pif> pifOn(String hostUuid, String networkUuid) {
    return pifs.values().stream()
        .filter(pif -> pif.hostUuid().equals(hostUuid) && pif.networkUuid().equals(networkUuid))
        .findFirst();
  }

  /** The VLAN tag of a network (from any of its PIFs), or -1 when untagged or unknown. */
  public long vlanOf(Network network) {
    return network.pifUuids().stream()
        .map(pifs::get)
        .filter(pif -> pif != null)
        .mapToLong(Pif::vlan)
        .filter(vlan -> vlan >= 0)
        .findFirst()
        .orElse(-1);
  }

  /** The management network: the one whose PIF on the master is the management interface. */
  public Optional<Network> managementNetwork() {
    return pifs.values().stream()
        .filter(pif -> pif.management() && pif.hostUuid().equals(pool.masterHostUuid()))
        .map(pif -> networks.get(pif.networkUuid()))
        .filter(network -> network != null)
        .findFirst();
  }
}

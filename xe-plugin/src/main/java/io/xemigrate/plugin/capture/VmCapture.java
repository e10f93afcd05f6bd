package io.xemigrate.plugin.capture;

import static io.xemigrate.plugin.capture.ScenarioCapture.GIB;
import static io.xemigrate.plugin.capture.ScenarioCapture.MIB;
import static io.xemigrate.plugin.capture.ScenarioCapture.blankToNull;

import io.xemigrate.simulator.scenario.Scenario.CdSpec;
import io.xemigrate.simulator.scenario.Scenario.DiskSpec;
import io.xemigrate.simulator.scenario.Scenario.SnapshotSpec;
import io.xemigrate.simulator.scenario.Scenario.VifSpec;
import io.xemigrate.simulator.scenario.Scenario.VmSpec;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.PowerState;
import io.xemigrate.xapi.model.Sr;
import io.xemigrate.xapi.model.Vbd;
import io.xemigrate.xapi.model.Vdi;
import io.xemigrate.xapi.model.Vm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The VMs of a capture: every guest (no control domain, template or snapshot of its own) with its
 * memory, vCPUs, disks (size in whole GiB, rounded up, and the allocated share in whole percent),
 * CD drive, NICs with their MACs, snapshots, CPU flags, platform, tags and blocked operations.
 * xe-migrate's model of a pool does not carry PCI addresses or vGPU types, so a VM with either is
 * captured without them and with {@code migrate_send} and {@code pool_migrate} blocked: it stays
 * unmovable in the rehearsal, as it is in the pool (with another code).
 */
final class VmCapture {
  /** The reason written into blocked_operations for a VM with devices the capture leaves out. */
  static final String DEVICES_LEFT_OUT =
      "captured with a PCI device or vGPU the rehearsal does not model";

  private static final Set<String> DOMAIN_TYPES = Set.of("hvm", "pv", "pvh", "pv_in_pvh");

  private final PoolInventory pool;
  private final RrdLoads loads;
  private final Map<String, String> hosts;
  private final Map<String, String> srs;
  private final Map<String, String> networks;

  VmCapture(
      PoolInventory pool,
      RrdLoads loads,
      Map<String, String> hosts,
      Map<String, String> srs,
      Map<String, String> networks) {
    this.pool = pool;
    this.loads = loads;
    this.hosts = hosts;
    this.srs = srs;
    this.networks = networks;
  }

  List<VmSpec> all() {
    List<Vm> guests = pool.guests();
    Map<String, String> names = CaptureNames.of(guests, Vm::uuid, Vm::nameLabel);
    return guests.stream().map(vm -> vm(vm, names.get(vm.uuid()))).toList();
  }

  private VmSpec vm(Vm vm, String name) {
    boolean resident =
        vm.powerState() == PowerState.RUNNING || vm.powerState() == PowerState.PAUSED;
    boolean devicesLeftOut = vm.attachedPciCount() > 0 || !vm.vgpuUuids().isEmpty();
    Map<String, String> blocked = new LinkedHashMap<>(vm.blockedOperations());
    if (devicesLeftOut) {
      blocked.putIfAbsent("migrate_send", DEVICES_LEFT_OUT);
      blocked.putIfAbsent("pool_migrate", DEVICES_LEFT_OUT);
    }
    return new VmSpec(
        name,
        vm.uuid(),
        vm.powerState().toXapi(),
        resident ? hosts.get(vm.residentOnHostUuid()) : null,
        null,
        vm.memory().staticMax() > 0 ? vm.memory().staticMax() / MIB : null,
        vm.memory().dynamicMin() > 0 ? vm.memory().dynamicMin() / MIB : null,
        Math.max(1, vm.vcpusMax()),
        DOMAIN_TYPES.contains(vm.domainType()) ? vm.domainType() : null,
        null,
        null,
        vm.guestTools().present(),
        disks(vm),
        nics(vm),
        snapshots(vm),
        cd(vm),
        null,
        null,
        vm.vusbUuids().isEmpty() ? null : vm.vusbUuids().size(),
        vm.tags().isEmpty() ? null : vm.tags(),
        blocked.isEmpty() ? null : blocked,
        vm.platform().isEmpty() ? null : vm.platform(),
        blankToNull(vm.lastBootCpuFlags().get("features")),
        blankToNull(vm.lastBootCpuFlags().get("vendor")),
        null,
        ScenarioCapture.ownKeys(vm.otherConfig()),
        CapturedWorkloads.captured(loads, vm) ? CapturedWorkloads.kindOf(vm) : null,
        vm.hardwarePlatformVersion() > 0 ? vm.hardwarePlatformVersion() : null);
  }

  private List<DiskSpec> disks(Vm vm) {
    List<DiskSpec> disks = new ArrayList<>();
    for (Vbd vbd : pool.vbdsOf(vm)) {
      if (vbd.type() != Vbd.Type.DISK || vbd.empty()) {
        continue;
      }
      Vdi vdi = pool.vdis().get(vbd.vdiUuid());
      if (vdi == null || !srs.containsKey(vdi.srUuid())) {
        continue;
      }
      long size = Math.max(1, ScenarioCapture.ceilDiv(vdi.virtualSize(), GIB));
      long fill = Math.round(vdi.physicalUtilisation() * 100.0 / (size * GIB));
      disks.add(
          new DiskSpec(
              blankToNull(vdi.nameLabel()),
              vdi.uuid(),
              srs.get(vdi.srUuid()),
              size,
              (int) Math.max(0, Math.min(100, fill)),
              vdi.cbtEnabled(),
              vdi.smConfig().containsKey("key_hash"),
              vbd.userdevice()));
    }
    return disks.isEmpty() ? null : disks;
  }

  private CdSpec cd(Vm vm) {
    for (Vbd vbd : pool.vbdsOf(vm)) {
      if (vbd.type() != Vbd.Type.CD) {
        continue;
      }
      Vdi iso = vbd.empty() ? null : pool.vdis().get(vbd.vdiUuid());
      Sr sr = iso == null ? null : pool.srs().get(iso.srUuid());
      return sr == null ? new CdSpec(null, null) : new CdSpec(iso.nameLabel(), srs.get(sr.uuid()));
    }
    return null;
  }

  private List<VifSpec> nics(Vm vm) {
    List<VifSpec> nics =
        pool.vifsOf(vm).stream()
            .filter(vif -> networks.containsKey(vif.networkUuid()))
            .map(
                vif ->
                    new VifSpec(
                        vif.uuid(),
                        networks.get(vif.networkUuid()),
                        blankToNull(vif.mac()),
                        vif.device()))
            .toList();
    return nics.isEmpty() ? null : nics;
  }

  private List<SnapshotSpec> snapshots(Vm vm) {
    List<SnapshotSpec> snapshots =
        vm.snapshotUuids().stream()
            .map(pool.vms()::get)
            .filter(snapshot -> snapshot != null)
            .map(snapshot -> new SnapshotSpec(snapshot.nameLabel(), snapshot.uuid(), null))
            .toList();
    return snapshots.isEmpty() ? null : snapshots;
  }
}

package io.xemigrate.simulator.scenario;

import static io.xemigrate.simulator.scenario.Defaults.or;
import static io.xemigrate.simulator.scenario.Defaults.uuid;
import static io.xemigrate.simulator.scenario.ScenarioValidator.orEmpty;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.api.HostMemory;
import io.xemigrate.simulator.scenario.Scenario.DiskSpec;
import io.xemigrate.simulator.scenario.Scenario.PoolSpec;
import io.xemigrate.simulator.scenario.Scenario.VifSpec;
import io.xemigrate.simulator.scenario.Scenario.VmSpec;
import io.xemigrate.simulator.store.ObjectStore;
import io.xemigrate.simulator.store.PlatformFlags;
import io.xemigrate.simulator.store.Refs;
import io.xemigrate.simulator.store.XapiClass;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the VMs of a pool: VM, metrics, guest metrics (when the guest has tools), disks as VDI +
 * VBD, CD, VIFs, snapshots (with snapshot VDIs), PCI, vGPU and VUSB attachments.
 */
final class VmBuilder {
  private static final long MIB = 1024L * 1024L;
  private static final long GIB = 1024L * MIB;
  private final ObjectStore store;
  private final PoolSpec pool;
  private final PoolBuilder built;
  private long nextDomid = 1;

  VmBuilder(ObjectStore store, PoolSpec pool, PoolBuilder built) {
    this.store = store;
    this.pool = pool;
    this.built = built;
  }

  void buildAll() {
    for (VmSpec vm : orEmpty(pool.vms())) {
      build(vm);
    }
  }

  /** dom0 of a host: xapi lists it among the VMs, and clients must skip it. */
  static void controlDomain(ObjectStore store, String pool, String host, String hostRef) {
    long memory = 4096 * MIB;
    store.create(
        XapiClass.VM,
        ImmutableMap.<String, Object>builder()
            .put("uuid", uuid(pool, "dom0", host))
            .put("name_label", "Control domain on host: " + host)
            .put("power_state", "Running")
            .put("is_control_domain", true)
            .put("resident_on", hostRef)
            .put("memory_static_max", memory)
            .put("memory_dynamic_max", memory)
            .put("memory_dynamic_min", memory)
            .put("memory_static_min", memory)
            .put("memory_target", memory)
            .put("VCPUs_max", 16L)
            .put("VCPUs_at_startup", 16L)
            .put("domain_type", "pv")
            .put("domid", 0L)
            .buildOrThrow());
  }

  private void build(VmSpec vm) {
    String vmUuid = or(vm.uuid(), uuid(pool.name(), "vm", vm.name()));
    String power = or(vm.powerState(), "Halted");
    boolean resident = power.equals("Running") || power.equals("Paused");
    String hostRef = resident ? built.hostRefs.get(vm.host()) : Refs.NULL;
    long memory = or(vm.memoryMiB(), Defaults.VM_MEMORY_MIB) * MIB;
    long dynamicMin = or(vm.dynamicMinMiB(), memory / MIB) * MIB;
    long vcpus = or(vm.vcpus(), Defaults.VM_VCPUS);
    String domainType = or(vm.domainType(), "hvm");
    Map<String, Object> platform = new LinkedHashMap<>(Defaults.PLATFORM);
    platform.putAll(or(vm.platform(), ImmutableMap.of()));
    Map<String, Object> fields = new HashMap<>();
    fields.put("uuid", vmUuid);
    fields.put("name_label", vm.name());
    fields.put("power_state", power);
    fields.put("resident_on", hostRef);
    fields.put("affinity", vm.affinity() == null ? Refs.NULL : built.hostRefs.get(vm.affinity()));
    fields.put("memory_static_max", memory);
    fields.put("memory_dynamic_max", memory);
    fields.put("memory_dynamic_min", dynamicMin);
    fields.put("memory_static_min", Math.min(dynamicMin, 512 * MIB));
    fields.put("memory_target", memory);
    fields.put("VCPUs_max", vcpus);
    fields.put("VCPUs_at_startup", vcpus);
    fields.put("domain_type", domainType);
    fields.put("HVM_boot_policy", domainType.equals("pv") ? "" : "BIOS order");
    fields.put("HVM_boot_params", ImmutableMap.of("order", "cdn"));
    fields.put("HVM_shadow_multiplier", 1.0);
    fields.put("platform", platform);
    fields.put("domid", resident ? nextDomid++ : -1L);
    fields.put("tags", or(vm.tags(), ImmutableList.of()));
    fields.put("blocked_operations", or(vm.blockedOperations(), ImmutableMap.of()));
    fields.put("is_a_template", or(vm.template(), false));
    fields.put("other_config", or(vm.otherConfig(), ImmutableMap.of()));
    fields.put("hardware_platform_version", or(vm.hardwarePlatformVersion(), 0L));
    fields.put("user_version", 1L);
    if (!power.equals("Halted") || vm.cpuVendor() != null || vm.cpuFeatures() != null) {
      fields.put("last_boot_CPU_flags", cpuFlags(vm));
    }
    String metrics =
        store.create(
            XapiClass.VM_METRICS,
            ImmutableMap.<String, Object>builder()
                .put("uuid", uuid(vmUuid, "metrics"))
                .put("memory_actual", resident ? memory : 0L)
                .put("VCPUs_number", resident ? vcpus : 0L)
                .put("start_time", store.now())
                .put("install_time", store.now())
                .put("hvm", !domainType.equals("pv"))
                .put("nomigrate", platformFlag(platform, "nomigrate"))
                .put("nested_virt", platformFlag(platform, "nested-virt"))
                .put("current_domain_type", resident ? domainType : "unspecified")
                .buildOrThrow());
    fields.put("metrics", metrics);
    if (or(vm.guestTools(), true)) {
      fields.put("guest_metrics", guestMetrics(vmUuid));
    }
    String vmRef = store.create(XapiClass.VM, fields);
    // memory_overhead is what xapi computes at boot; store it so host arithmetic matches
    // docs/xapi-behaviour.md#memory-arithmetic.
    long needed = HostMemory.needed(store.get(XapiClass.VM, vmRef));
    store.set(XapiClass.VM, vmRef, "memory_overhead", needed - ceilMib(dynamicMin) * MIB);
    List<String> vdis = disks(vm, vmRef, vmUuid, resident);
    cd(vm, vmRef, vmUuid);
    vifs(orEmpty(vm.nics()), vmRef, vmUuid, resident, "");
    attachments(vm, vmRef, vmUuid);
    snapshots(vm, vmRef, vmUuid, vdis);
    store.refresh(XapiClass.VM, vmRef);
  }

  private static boolean platformFlag(Map<String, Object> platform, String key) {
    return platform.get(key) instanceof String value
        && PlatformFlags.isTrue(ImmutableMap.of(key, value), key);
  }

  private Map<String, Object> cpuFlags(VmSpec vm) {
    Map<String, Object> poolInfo = store.get(XapiClass.POOL, built.poolRef).map("cpu_info");
    return ImmutableMap.of(
        "vendor", or(vm.cpuVendor(), (String) poolInfo.get("vendor")),
        "features", or(vm.cpuFeatures(), (String) poolInfo.get("features_hvm_host")));
  }

  private String guestMetrics(String vmUuid) {
    return store.create(
        XapiClass.VM_GUEST_METRICS,
        ImmutableMap.<String, Object>builder()
            .put("uuid", uuid(vmUuid, "guest-metrics"))
            .put("os_version", ImmutableMap.of("name", "Debian GNU/Linux 12", "distro", "debian"))
            .put("PV_drivers_version", ImmutableMap.of("major", "8", "minor", "2", "micro", "0"))
            .put("PV_drivers_up_to_date", true)
            .put("PV_drivers_detected", true)
            .put(
                "other",
                ImmutableMap.of(
                    "feature-suspend", "1", "feature-shutdown", "1", "has-vendor-device", "0"))
            .put("live", true)
            .put("can_use_hotplug_vbd", "yes")
            .put("can_use_hotplug_vif", "yes")
            .put("last_updated", store.now())
            .buildOrThrow());
  }

  private List<String> disks(VmSpec vm, String vmRef, String vmUuid, boolean attached) {
    List<String> vdis = new ArrayList<>();
    List<DiskSpec> disks = orEmpty(vm.disks());
    for (int i = 0; i < disks.size(); i++) {
      DiskSpec disk = disks.get(i);
      String name = or(disk.name(), vm.name() + " disk " + i);
      String vdiUuid = or(disk.uuid(), uuid(vmUuid, "vdi", Integer.toString(i)));
      long size = disk.sizeGiB() * GIB;
      long used = size * or(disk.fillPercent(), Defaults.DISK_FILL_PERCENT) / 100;
      String vdi = vdi(vdiUuid, name, built.srRefs.get(disk.sr()), size, used, disk);
      vdis.add(vdi);
      String device = or(disk.device(), Integer.toString(i));
      store.create(
          XapiClass.VBD,
          ImmutableMap.<String, Object>builder()
              .put("uuid", uuid(vmUuid, "vbd", device))
              .put("VM", vmRef)
              .put("VDI", vdi)
              .put("userdevice", device)
              .put("device", "xvd" + (char) ('a' + i))
              .put("bootable", i == 0)
              .put("mode", "RW")
              .put("type", "Disk")
              .put("unpluggable", true)
              .put("currently_attached", attached)
              .buildOrThrow());
    }
    return vdis;
  }

  private String vdi(String vdiUuid, String name, String sr, long size, long used, DiskSpec disk) {
    Map<String, Object> smConfig =
        Boolean.TRUE.equals(disk.encrypted())
            ? ImmutableMap.of("key_hash", "sha256:" + vdiUuid)
            : ImmutableMap.of();
    String ref =
        store.create(
            XapiClass.VDI,
            ImmutableMap.<String, Object>builder()
                .put("uuid", vdiUuid)
                .put("name_label", name)
                .put("SR", sr)
                .put("virtual_size", size)
                .put("physical_utilisation", used)
                .put("type", "user")
                .put("managed", true)
                .put("location", vdiUuid)
                .put("sm_config", smConfig)
                .put("cbt_enabled", Boolean.TRUE.equals(disk.cbt()))
                .put(
                    "allowed_operations",
                    ImmutableList.of("clone", "snapshot", "copy", "mirror", "resize", "destroy"))
                .buildOrThrow());
    long allocation = store.get(XapiClass.SR, sr).integer("virtual_allocation");
    store.set(XapiClass.SR, sr, "virtual_allocation", allocation + size);
    return ref;
  }

  private void cd(VmSpec vm, String vmRef, String vmUuid) {
    if (vm.cd() == null) {
      return;
    }
    String vdi = Refs.NULL;
    if (vm.cd().iso() != null && vm.cd().sr() != null) {
      String isoUuid = uuid(vmUuid, "iso", vm.cd().iso());
      DiskSpec iso =
          new DiskSpec(vm.cd().iso(), isoUuid, vm.cd().sr(), 1L, 100, false, false, null);
      vdi = vdi(isoUuid, vm.cd().iso(), built.srRefs.get(vm.cd().sr()), GIB / 2, GIB / 2, iso);
    }
    store.create(
        XapiClass.VBD,
        ImmutableMap.<String, Object>builder()
            .put("uuid", uuid(vmUuid, "vbd", "cd"))
            .put("VM", vmRef)
            .put("VDI", vdi)
            .put("userdevice", "3")
            .put("device", "xvdd")
            .put("mode", "RO")
            .put("type", "CD")
            .put("empty", Refs.isNull(vdi))
            .put("unpluggable", true)
            .buildOrThrow());
  }

  private void vifs(
      List<VifSpec> nics, String vmRef, String vmUuid, boolean attached, String salt) {
    for (int i = 0; i < nics.size(); i++) {
      VifSpec nic = nics.get(i);
      String device = or(nic.device(), Integer.toString(i));
      String network = built.networkRefs.get(nic.network());
      String vifUuid =
          salt.isEmpty()
              ? or(nic.uuid(), uuid(vmUuid, "vif", device))
              : uuid(vmUuid, salt, "vif", device);
      store.create(
          XapiClass.VIF,
          ImmutableMap.<String, Object>builder()
              .put("uuid", vifUuid)
              .put("device", device)
              .put("network", network)
              .put("VM", vmRef)
              .put("MAC", or(nic.mac(), Macs.derived(vmUuid + "/" + device)))
              .put("MAC_autogenerated", nic.mac() == null)
              .put("MTU", store.get(XapiClass.NETWORK, network).integer("MTU"))
              .put("currently_attached", attached)
              .buildOrThrow());
    }
  }

  private void attachments(VmSpec vm, String vmRef, String vmUuid) {
    List<String> pcis = new ArrayList<>();
    for (String id : orEmpty(vm.pci())) {
      pcis.add(built.pciRefs.get(vm.host() + "/" + id));
    }
    if (!pcis.isEmpty()) {
      store.set(XapiClass.VM, vmRef, "attached_PCIs", pcis);
      store.update(
          XapiClass.VM,
          vmRef,
          ImmutableMap.of(
              "other_config",
              ImmutableMap.<String, String>builder()
                  .putAll(or(vm.otherConfig(), ImmutableMap.of()))
                  .put("pci", "0/" + String.join(",0/", orEmpty(vm.pci())))
                  .buildKeepingLast()));
    }
    VgpuAttachments.create(store, built.pciRefs, vm, vmRef, vmUuid, pcis);
    for (int i = 0; i < or(vm.vusbs(), 0); i++) {
      store.create(
          XapiClass.VUSB,
          ImmutableMap.of("uuid", uuid(vmUuid, "vusb", Integer.toString(i)), "VM", vmRef));
    }
  }

  private void snapshots(VmSpec vm, String vmRef, String vmUuid, List<String> vdis) {
    for (Scenario.SnapshotSpec snapshot : orEmpty(vm.snapshots())) {
      String snapUuid = or(snapshot.uuid(), uuid(vmUuid, "snapshot", snapshot.name()));
      Map<String, Object> fields = new HashMap<>(store.get(XapiClass.VM, vmRef).fields());
      for (String derived :
          List.of(
              "VBDs",
              "VIFs",
              "VGPUs",
              "VUSBs",
              "snapshots",
              "allowed_operations",
              "attached_PCIs")) {
        fields.remove(derived);
      }
      fields.put("uuid", snapUuid);
      fields.put("name_label", snapshot.name());
      fields.put("is_a_snapshot", true);
      fields.put("snapshot_of", vmRef);
      fields.put("snapshot_time", store.now());
      fields.put("power_state", "Halted");
      fields.put("resident_on", Refs.NULL);
      fields.put("domid", -1L);
      fields.put("metrics", Refs.NULL);
      fields.put("guest_metrics", Refs.NULL);
      String snapRef = store.create(XapiClass.VM, fields);
      List<DiskSpec> disks = orEmpty(vm.disks());
      for (int i = 0; i < vdis.size(); i++) {
        var source = store.get(XapiClass.VDI, vdis.get(i));
        String snapVdiUuid = uuid(snapUuid, "vdi", Integer.toString(i));
        String snapVdi =
            vdi(
                snapVdiUuid,
                source.string("name_label"),
                source.string("SR"),
                source.integer("virtual_size"),
                source.integer("physical_utilisation") / 10,
                disks.get(i));
        store.update(
            XapiClass.VDI,
            snapVdi,
            ImmutableMap.of(
                "is_a_snapshot",
                true,
                "snapshot_of",
                vdis.get(i),
                "snapshot_time",
                store.now(),
                "cbt_enabled",
                false));
        store.create(
            XapiClass.VBD,
            ImmutableMap.<String, Object>builder()
                .put("uuid", uuid(snapUuid, "vbd", Integer.toString(i)))
                .put("VM", snapRef)
                .put("VDI", snapVdi)
                .put("userdevice", or(disks.get(i).device(), Integer.toString(i)))
                .put("type", "Disk")
                .put("mode", "RW")
                .buildOrThrow());
      }
      List<VifSpec> nics = snapshot.nics() == null ? orEmpty(vm.nics()) : snapshot.nics();
      vifs(nics, snapRef, vmUuid, false, "snapshot-" + snapshot.name());
    }
  }

  private static long ceilMib(long bytes) {
    return (bytes + MIB - 1) / MIB;
  }
}

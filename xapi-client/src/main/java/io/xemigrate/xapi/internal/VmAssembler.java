package io.xemigrate.xapi.internal;

import static io.xemigrate.xapi.internal.Fields.flag;
import static io.xemigrate.xapi.internal.Fields.map;
import static io.xemigrate.xapi.internal.Fields.nameSet;
import static io.xemigrate.xapi.internal.Fields.names;
import static io.xemigrate.xapi.internal.Fields.num;
import static io.xemigrate.xapi.internal.Fields.ref;
import static io.xemigrate.xapi.internal.Fields.str;
import static io.xemigrate.xapi.internal.Fields.uuids;

import com.google.common.collect.ImmutableList;
import com.xensource.xenapi.Types;
import com.xensource.xenapi.VBD;
import com.xensource.xenapi.VDI;
import com.xensource.xenapi.VGPU;
import com.xensource.xenapi.VGPUType;
import com.xensource.xenapi.VIF;
import com.xensource.xenapi.VM;
import com.xensource.xenapi.VMGuestMetrics;
import com.xensource.xenapi.VMMetrics;
import io.xemigrate.xapi.model.PowerState;
import io.xemigrate.xapi.model.Vbd;
import io.xemigrate.xapi.model.Vdi;
import io.xemigrate.xapi.model.Vif;
import io.xemigrate.xapi.model.Vm;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/** Maps the VM-side SDK records (VM, metrics, guest metrics, VBD, VDI, VIF) to the model. */
final class VmAssembler {
  private final PoolRecords records;
  private final Function<String, String> uuidOf;

  VmAssembler(PoolRecords records, Function<String, String> uuidOf) {
    this.records = records;
    this.uuidOf = uuidOf;
  }

  Stream<Vm> vms() {
    return records.vms.values().stream().map(this::vm);
  }

  Stream<Vbd> vbds() {
    return records.vbds.values().stream().map(this::vbd);
  }

  Stream<Vdi> vdis() {
    return records.vdis.values().stream().map(this::vdi);
  }

  Stream<Vif> vifs() {
    return records.vifs.values().stream().map(this::vif);
  }

  private String uuid(com.xensource.xenapi.XenAPIObject object) {
    return uuidOf.apply(ref(object));
  }

  Vm vm(VM.Record record) {
    VMMetrics.Record metrics = records.vmMetrics.get(ref(record.metrics));
    VMGuestMetrics.Record guest = records.guestMetrics.get(ref(record.guestMetrics));
    boolean running = metrics != null && record.powerState != Types.VmPowerState.HALTED;
    return Vm.builder(str(record.uuid))
        .nameLabel(str(record.nameLabel))
        .powerState(powerState(record.powerState))
        .residentOnHostUuid(uuid(record.residentOn))
        .isControlDomain(flag(record.isControlDomain))
        .isTemplate(flag(record.isATemplate))
        .isSnapshot(flag(record.isASnapshot))
        .snapshotOfUuid(uuid(record.snapshotOf))
        .snapshotUuids(uuids(record.snapshots, uuidOf))
        .memory(
            new Vm.Memory(
                num(record.memoryStaticMin),
                num(record.memoryDynamicMin),
                num(record.memoryDynamicMax),
                num(record.memoryStaticMax),
                num(record.memoryOverhead)))
        .memoryActual(metrics == null ? 0 : num(metrics.memoryActual))
        .vcpusMax(num(record.VCPUsMax))
        .vcpusAtStartup(num(record.VCPUsAtStartup))
        .lastBootCpuFlags(map(record.lastBootCPUFlags))
        .platform(map(record.platform))
        .otherConfig(map(record.otherConfig))
        .tags(record.tags == null ? ImmutableList.of() : ImmutableList.sortedCopyOf(record.tags))
        .allowedOperations(nameSet(record.allowedOperations))
        .blockedOperations(names(record.blockedOperations))
        .currentOperations(names(record.currentOperations))
        .hardwarePlatformVersion(num(record.hardwarePlatformVersion))
        .guestTools(
            guest == null
                ? Vm.GuestTools.none()
                : new Vm.GuestTools(true, flag(guest.PVDriversUpToDate), map(guest.other)))
        .vbdUuids(uuids(record.VBDs, uuidOf))
        .vifUuids(uuids(record.VIFs, uuidOf))
        .attachedPciCount(passedThroughPcis(record))
        .vgpuUuids(refs(record.VGPUs))
        .vusbUuids(refs(record.VUSBs))
        .domainType(domainType(running ? metrics.currentDomainType : record.domainType))
        .startFlags(
            metrics == null
                ? Optional.empty()
                : Optional.of(new Vm.StartFlags(flag(metrics.nomigrate), flag(metrics.nestedVirt))))
        .build();
  }

  /**
   * The attached PCI devices that xapi counts as passed through: those that are not the {@code PCI}
   * of one of the VM's vGPUs whose type's {@code implementation} is {@code nvidia_sriov} (xapi's
   * {@code nvidia_sriov_pcis}, {@code ocaml/xapi/xapi_vm_lifecycle.ml}).
   */
  private int passedThroughPcis(VM.Record record) {
    if (record.attachedPCIs == null) {
      return 0;
    }
    java.util.Set<String> virtualFunctions = new java.util.HashSet<>();
    for (VGPU vgpu : record.VGPUs == null ? java.util.Set.<VGPU>of() : record.VGPUs) {
      VGPU.Record vgpuRecord = records.vgpus.get(ref(vgpu));
      if (vgpuRecord != null && isNvidiaSriov(records.vgpuTypes.get(ref(vgpuRecord.type)))) {
        virtualFunctions.add(ref(vgpuRecord.PCI));
      }
    }
    return (int)
        record.attachedPCIs.stream().filter(pci -> !virtualFunctions.contains(ref(pci))).count();
  }

  private static boolean isNvidiaSriov(VGPUType.Record type) {
    return type != null && type.implementation == Types.VgpuTypeImplementation.NVIDIA_SRIOV;
  }

  /** VUSB records are not loaded: their count is what checks need, kept as refs. */
  private static ImmutableList<String> refs(
      java.util.Set<? extends com.xensource.xenapi.XenAPIObject> set) {
    return set == null
        ? ImmutableList.of()
        : set.stream().map(Fields::ref).sorted().collect(ImmutableList.toImmutableList());
  }

  /**
   * xapi's {@code domain_type} name. The SDK predates {@code pvh}, the one value of xapi's enum
   * ({@code ocaml/idl/datamodel_vm.ml}) it lacks, and reads it as {@code UNRECOGNIZED}.
   */
  private static String domainType(Types.DomainType type) {
    if (type == null) {
      return "unspecified";
    }
    return switch (type) {
      case HVM -> "hvm";
      case PV -> "pv";
      case PV_IN_PVH -> "pv_in_pvh";
      case UNSPECIFIED -> "unspecified";
      case UNRECOGNIZED -> "pvh";
    };
  }

  private static PowerState powerState(Types.VmPowerState state) {
    if (state == null) {
      return PowerState.HALTED;
    }
    return switch (state) {
      case RUNNING -> PowerState.RUNNING;
      case PAUSED -> PowerState.PAUSED;
      case SUSPENDED -> PowerState.SUSPENDED;
      case HALTED, UNRECOGNIZED -> PowerState.HALTED;
    };
  }

  Vbd vbd(VBD.Record record) {
    return new Vbd(
        str(record.uuid),
        uuid(record.VM),
        uuid(record.VDI),
        str(record.userdevice),
        record.type == Types.VbdType.CD
            ? Vbd.Type.CD
            : record.type == Types.VbdType.FLOPPY ? Vbd.Type.FLOPPY : Vbd.Type.DISK,
        flag(record.empty),
        flag(record.currentlyAttached),
        record.mode == Types.VbdMode.RO);
  }

  Vdi vdi(VDI.Record record) {
    return new Vdi(
        str(record.uuid),
        str(record.nameLabel),
        uuid(record.SR),
        num(record.virtualSize),
        num(record.physicalUtilisation),
        record.type == null ? "" : record.type.toString(),
        flag(record.isASnapshot),
        uuid(record.snapshotOf),
        flag(record.cbtEnabled),
        flag(record.sharable),
        flag(record.readOnly),
        map(record.smConfig),
        record.currentOperations == null
            ? com.google.common.collect.ImmutableSet.of()
            : nameSet(record.currentOperations.values()));
  }

  Vif vif(VIF.Record record) {
    return new Vif(
        str(record.uuid),
        uuid(record.VM),
        uuid(record.network),
        str(record.MAC),
        str(record.device),
        num(record.MTU),
        record.lockingMode == null ? "network_default" : record.lockingMode.toString(),
        flag(record.currentlyAttached),
        false);
  }
}

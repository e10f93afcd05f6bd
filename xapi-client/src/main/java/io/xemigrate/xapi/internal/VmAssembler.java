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
import com.xensource.xenapi.VIF;
import com.xensource.xenapi.VM;
import com.xensource.xenapi.VMGuestMetrics;
import com.xensource.xenapi.VMMetrics;
import io.xemigrate.xapi.model.PowerState;
import io.xemigrate.xapi.model.Vbd;
import io.xemigrate.xapi.model.Vdi;
import io.xemigrate.xapi.model.Vif;
import io.xemigrate.xapi.model.Vm;
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
    return new Vm(
        str(record.uuid),
        str(record.nameLabel),
        powerState(record.powerState),
        uuid(record.residentOn),
        flag(record.isControlDomain),
        flag(record.isATemplate),
        flag(record.isASnapshot),
        uuid(record.snapshotOf),
        uuids(record.snapshots, uuidOf),
        new Vm.Memory(
            num(record.memoryStaticMin),
            num(record.memoryDynamicMin),
            num(record.memoryDynamicMax),
            num(record.memoryStaticMax),
            num(record.memoryOverhead)),
        metrics == null ? 0 : num(metrics.memoryActual),
        num(record.VCPUsMax),
        num(record.VCPUsAtStartup),
        map(record.lastBootCPUFlags),
        map(record.platform),
        map(record.otherConfig),
        record.tags == null ? ImmutableList.of() : ImmutableList.sortedCopyOf(record.tags),
        nameSet(record.allowedOperations),
        names(record.blockedOperations),
        names(record.currentOperations),
        num(record.hardwarePlatformVersion),
        guest == null
            ? Vm.GuestTools.none()
            : new Vm.GuestTools(true, flag(guest.PVDriversUpToDate), map(guest.other)),
        uuids(record.VBDs, uuidOf),
        uuids(record.VIFs, uuidOf),
        record.attachedPCIs == null ? 0 : record.attachedPCIs.size(),
        refs(record.VGPUs),
        refs(record.VUSBs));
  }

  /** vGPU and VUSB records are not loaded: their count is what checks need, kept as refs. */
  private static ImmutableList<String> refs(
      java.util.Set<? extends com.xensource.xenapi.XenAPIObject> set) {
    return set == null
        ? ImmutableList.of()
        : set.stream().map(Fields::ref).sorted().collect(ImmutableList.toImmutableList());
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

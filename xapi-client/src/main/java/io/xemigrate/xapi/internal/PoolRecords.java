package io.xemigrate.xapi.internal;

import com.xensource.xenapi.Connection;
import com.xensource.xenapi.Host;
import com.xensource.xenapi.HostMetrics;
import com.xensource.xenapi.Network;
import com.xensource.xenapi.PBD;
import com.xensource.xenapi.PIF;
import com.xensource.xenapi.PIFMetrics;
import com.xensource.xenapi.Pool;
import com.xensource.xenapi.SM;
import com.xensource.xenapi.SR;
import com.xensource.xenapi.VBD;
import com.xensource.xenapi.VDI;
import com.xensource.xenapi.VGPU;
import com.xensource.xenapi.VGPUType;
import com.xensource.xenapi.VIF;
import com.xensource.xenapi.VM;
import com.xensource.xenapi.VMGuestMetrics;
import com.xensource.xenapi.VMMetrics;
import com.xensource.xenapi.XenAPIObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SDK records of one pool, by reference, for the seventeen classes the inventory reads. Mutable
 * and confined to one thread (the loader, then the tracker); the immutable {@code PoolInventory} is
 * assembled from it.
 */
final class PoolRecords {
  /** The event class names of the seventeen classes, as {@code event.from} spells them. */
  static final List<String> CLASSES =
      List.of(
          "pool",
          "host",
          "host_metrics",
          "vm",
          "vm_metrics",
          "vm_guest_metrics",
          "vbd",
          "vdi",
          "sr",
          "pbd",
          "sm",
          "network",
          "pif",
          "pif_metrics",
          "vif",
          "vgpu",
          "vgpu_type");

  final Map<String, Pool.Record> pools = new LinkedHashMap<>();
  final Map<String, Host.Record> hosts = new LinkedHashMap<>();
  final Map<String, HostMetrics.Record> hostMetrics = new LinkedHashMap<>();
  final Map<String, VM.Record> vms = new LinkedHashMap<>();
  final Map<String, VMMetrics.Record> vmMetrics = new LinkedHashMap<>();
  final Map<String, VMGuestMetrics.Record> guestMetrics = new LinkedHashMap<>();
  final Map<String, VBD.Record> vbds = new LinkedHashMap<>();
  final Map<String, VDI.Record> vdis = new LinkedHashMap<>();
  final Map<String, SR.Record> srs = new LinkedHashMap<>();
  final Map<String, PBD.Record> pbds = new LinkedHashMap<>();
  final Map<String, SM.Record> sms = new LinkedHashMap<>();
  final Map<String, Network.Record> networks = new LinkedHashMap<>();
  final Map<String, PIF.Record> pifs = new LinkedHashMap<>();
  final Map<String, PIFMetrics.Record> pifMetrics = new LinkedHashMap<>();
  final Map<String, VIF.Record> vifs = new LinkedHashMap<>();
  final Map<String, VGPU.Record> vgpus = new LinkedHashMap<>();
  final Map<String, VGPUType.Record> vgpuTypes = new LinkedHashMap<>();

  /** One {@code get_all_records} per class: seventeen calls, whatever the pool's size. */
  static PoolRecords load(Connection connection) throws Exception {
    PoolRecords records = new PoolRecords();
    copy(Pool.getAllRecords(connection), records.pools);
    copy(Host.getAllRecords(connection), records.hosts);
    copy(HostMetrics.getAllRecords(connection), records.hostMetrics);
    copy(VM.getAllRecords(connection), records.vms);
    copy(VMMetrics.getAllRecords(connection), records.vmMetrics);
    copy(VMGuestMetrics.getAllRecords(connection), records.guestMetrics);
    copy(VBD.getAllRecords(connection), records.vbds);
    copy(VDI.getAllRecords(connection), records.vdis);
    copy(SR.getAllRecords(connection), records.srs);
    copy(PBD.getAllRecords(connection), records.pbds);
    copy(SM.getAllRecords(connection), records.sms);
    copy(Network.getAllRecords(connection), records.networks);
    copy(PIF.getAllRecords(connection), records.pifs);
    copy(PIFMetrics.getAllRecords(connection), records.pifMetrics);
    copy(VIF.getAllRecords(connection), records.vifs);
    copy(VGPU.getAllRecords(connection), records.vgpus);
    copy(VGPUType.getAllRecords(connection), records.vgpuTypes);
    return records;
  }

  private static <K extends XenAPIObject, R> void copy(Map<K, R> source, Map<String, R> target) {
    source.forEach((key, record) -> target.put(key.toWireString(), record));
  }

  /**
   * Applies one event: {@code add}/{@code mod} carry the object's current record, {@code del} none.
   * Returns whether the class is one the inventory follows.
   */
  boolean apply(String eventClass, String operation, String ref, Object snapshot) {
    Map<String, ?> table = table(eventClass);
    if (table == null) {
      return false;
    }
    if (operation.equals("del") || snapshot == null) {
      table.remove(ref);
    } else {
      put(table, ref, snapshot);
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  private static <R> void put(Map<String, R> table, String ref, Object snapshot) {
    table.put(ref, (R) snapshot);
  }

  /** The UUIDs of every object that other records refer to, by reference. */
  Map<String, String> uuidIndex() {
    Map<String, String> index = new java.util.HashMap<>();
    hosts.forEach((ref, record) -> index.put(ref, Fields.str(record.uuid)));
    vms.forEach((ref, record) -> index.put(ref, Fields.str(record.uuid)));
    vdis.forEach((ref, record) -> index.put(ref, Fields.str(record.uuid)));
    srs.forEach((ref, record) -> index.put(ref, Fields.str(record.uuid)));
    networks.forEach((ref, record) -> index.put(ref, Fields.str(record.uuid)));
    pifs.forEach((ref, record) -> index.put(ref, Fields.str(record.uuid)));
    vifs.forEach((ref, record) -> index.put(ref, Fields.str(record.uuid)));
    vbds.forEach((ref, record) -> index.put(ref, Fields.str(record.uuid)));
    return index;
  }

  /** The UUID of a stored object of an indexed class, or null. */
  String uuid(String eventClass, String ref) {
    Object record = table(eventClass) == null ? null : table(eventClass).get(ref);
    if (record instanceof Host.Record host) {
      return host.uuid;
    } else if (record instanceof VM.Record vm) {
      return vm.uuid;
    } else if (record instanceof VDI.Record vdi) {
      return vdi.uuid;
    } else if (record instanceof SR.Record sr) {
      return sr.uuid;
    } else if (record instanceof Network.Record network) {
      return network.uuid;
    } else if (record instanceof PIF.Record pif) {
      return pif.uuid;
    } else if (record instanceof VIF.Record vif) {
      return vif.uuid;
    } else if (record instanceof VBD.Record vbd) {
      return vbd.uuid;
    }
    return null;
  }

  private Map<String, ?> table(String eventClass) {
    return switch (eventClass.toLowerCase(java.util.Locale.ROOT)) {
      case "pool" -> pools;
      case "host" -> hosts;
      case "host_metrics" -> hostMetrics;
      case "vm" -> vms;
      case "vm_metrics" -> vmMetrics;
      case "vm_guest_metrics" -> guestMetrics;
      case "vbd" -> vbds;
      case "vdi" -> vdis;
      case "sr" -> srs;
      case "pbd" -> pbds;
      case "sm" -> sms;
      case "network" -> networks;
      case "pif" -> pifs;
      case "pif_metrics" -> pifMetrics;
      case "vif" -> vifs;
      case "vgpu" -> vgpus;
      case "vgpu_type" -> vgpuTypes;
      default -> null;
    };
  }
}

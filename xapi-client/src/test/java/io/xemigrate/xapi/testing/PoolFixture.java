package io.xemigrate.xapi.testing;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated pool in xapi's wire shape (snake_case records by reference, ints as numbers, sets as
 * arrays), served by a {@link FakeXapiServer}: one pool, {@code hosts} hosts with metrics and a
 * management PIF, one shared SR with its SM driver and PBDs, one network, and per VM its metrics,
 * guest metrics, one disk (VBD + VDI) and one VIF.
 */
public final class PoolFixture {
  public final Map<String, Map<String, Map<String, Object>>> tables = new LinkedHashMap<>();

  public PoolFixture(int hosts, int vms) {
    for (String name :
        List.of(
            "pool",
            "host",
            "host_metrics",
            "VM",
            "VM_metrics",
            "VM_guest_metrics",
            "VBD",
            "VDI",
            "SR",
            "PBD",
            "SM",
            "network",
            "PIF",
            "PIF_metrics",
            "VIF",
            "VGPU",
            "VGPU_type")) {
      tables.put(name, new LinkedHashMap<>());
    }
    put(
        "SM",
        "OpaqueRef:sm-lvm",
        record(
            "uuid",
            "sm-lvm",
            "type",
            "lvmoiscsi",
            "capabilities",
            new Object[] {"VDI_SNAPSHOT"},
            "features",
            Map.of("VDI_MIRROR", 2)));
    put(
        "SR",
        "OpaqueRef:sr-1",
        record(
            "uuid",
            "sr-1",
            "name_label",
            "shared",
            "type",
            "lvmoiscsi",
            "shared",
            true,
            "physical_size",
            1L << 40,
            "physical_utilisation",
            1L << 38,
            "virtual_allocation",
            1L << 39,
            "content_type",
            "user"));
    put(
        "network",
        "OpaqueRef:net-1",
        record(
            "uuid",
            "net-1",
            "name_label",
            "Pool-wide",
            "bridge",
            "xenbr0",
            "MTU",
            1500,
            "PIFs",
            refs("pif", hosts),
            "other_config",
            Map.of()));
    put(
        "pool",
        "OpaqueRef:pool",
        record(
            "uuid",
            "pool-1",
            "name_label",
            "pool",
            "master",
            "OpaqueRef:host-0",
            "default_SR",
            "OpaqueRef:sr-1",
            "other_config",
            Map.of()));
    for (int h = 0; h < hosts; h++) {
      put(
          "host",
          "OpaqueRef:host-" + h,
          record(
              "uuid",
              "host-" + h,
              "name_label",
              "host " + h,
              "address",
              "10.0.0." + (h + 1),
              "enabled",
              true,
              "metrics",
              "OpaqueRef:hm-" + h,
              "memory_overhead",
              1L << 30,
              "cpu_info",
              Map.of("vendor", "GenuineIntel", "cpu_count", "32"),
              "software_version",
              Map.of("platform_version", "3.4.0"),
              "virtual_hardware_platform_versions",
              new Object[] {0, 1, 2},
              "PIFs",
              new Object[] {"OpaqueRef:pif-" + h},
              "other_config",
              Map.of()));
      put(
          "host_metrics",
          "OpaqueRef:hm-" + h,
          record(
              "uuid",
              "hm-" + h,
              "memory_total",
              256L << 30,
              "memory_free",
              128L << 30,
              "live",
              true));
      put(
          "PIF",
          "OpaqueRef:pif-" + h,
          record(
              "uuid",
              "pif-" + h,
              "host",
              "OpaqueRef:host-" + h,
              "network",
              "OpaqueRef:net-1",
              "device",
              "eth0",
              "MAC",
              "aa:00:00:00:00:0" + (h % 10),
              "VLAN",
              -1,
              "management",
              true,
              "ip_configuration_mode",
              "Static",
              "IP",
              "10.0.0." + (h + 1),
              "netmask",
              "255.255.255.0",
              "currently_attached",
              true,
              "metrics",
              "OpaqueRef:pif-metrics-" + h));
      put(
          "PIF_metrics",
          "OpaqueRef:pif-metrics-" + h,
          record("uuid", "pif-metrics-" + h, "speed", 10_000L, "carrier", true));
      put(
          "PBD",
          "OpaqueRef:pbd-" + h,
          record(
              "uuid",
              "pbd-" + h,
              "host",
              "OpaqueRef:host-" + h,
              "SR",
              "OpaqueRef:sr-1",
              "currently_attached",
              true));
    }
    for (int v = 0; v < vms; v++) {
      put("VM", "OpaqueRef:vm-" + v, vm(v, hosts));
      put(
          "VM_metrics",
          "OpaqueRef:vmm-" + v,
          record("uuid", "vmm-" + v, "memory_actual", 4L << 30));
      put(
          "VM_guest_metrics",
          "OpaqueRef:gm-" + v,
          record(
              "uuid",
              "gm-" + v,
              "PV_drivers_up_to_date",
              true,
              "other",
              Map.of("feature-suspend", "1")));
      put(
          "VBD",
          "OpaqueRef:vbd-" + v,
          record(
              "uuid",
              "vbd-" + v,
              "VM",
              "OpaqueRef:vm-" + v,
              "VDI",
              "OpaqueRef:vdi-" + v,
              "userdevice",
              "0",
              "type",
              "Disk",
              "mode",
              "RW",
              "empty",
              false,
              "currently_attached",
              true));
      put(
          "VDI",
          "OpaqueRef:vdi-" + v,
          record(
              "uuid",
              "vdi-" + v,
              "name_label",
              "disk " + v,
              "SR",
              "OpaqueRef:sr-1",
              "virtual_size",
              20L << 30,
              "physical_utilisation",
              8L << 30,
              "type",
              "user",
              "cbt_enabled",
              v % 50 == 0,
              "sm_config",
              Map.of(),
              "current_operations",
              Map.of(),
              "snapshot_of",
              "OpaqueRef:NULL"));
      put(
          "VIF",
          "OpaqueRef:vif-" + v,
          record(
              "uuid",
              "vif-" + v,
              "VM",
              "OpaqueRef:vm-" + v,
              "network",
              "OpaqueRef:net-1",
              "MAC",
              "de:ad:00:00:" + String.format("%02x:%02x", v / 256 % 256, v % 256),
              "device",
              "0",
              "MTU",
              1500,
              "locking_mode",
              "network_default",
              "currently_attached",
              true));
    }
  }

  private static Map<String, Object> vm(int v, int hosts) {
    return record(
        "uuid",
        "vm-" + v,
        "name_label",
        "vm " + v,
        "power_state",
        "Running",
        "resident_on",
        "OpaqueRef:host-" + (v % hosts),
        "is_control_domain",
        false,
        "is_a_template",
        false,
        "is_a_snapshot",
        false,
        "snapshot_of",
        "OpaqueRef:NULL",
        "snapshots",
        new Object[0],
        "memory_static_min",
        1L << 30,
        "memory_dynamic_min",
        2L << 30,
        "memory_dynamic_max",
        4L << 30,
        "memory_static_max",
        4L << 30,
        "memory_overhead",
        40L << 20,
        "VCPUs_max",
        4,
        "VCPUs_at_startup",
        2,
        "last_boot_CPU_flags",
        Map.of("vendor", "GenuineIntel", "features", "1fc9cbf5-f6f83203"),
        "platform",
        Map.of("nomigrate", "false"),
        "other_config",
        Map.of(),
        "tags",
        new Object[] {"web"},
        "allowed_operations",
        new Object[] {"migrate_send", "pool_migrate"},
        "blocked_operations",
        Map.of(),
        "current_operations",
        Map.of(),
        "hardware_platform_version",
        2,
        "metrics",
        "OpaqueRef:vmm-" + v,
        "guest_metrics",
        "OpaqueRef:gm-" + v,
        "VBDs",
        new Object[] {"OpaqueRef:vbd-" + v},
        "VIFs",
        new Object[] {"OpaqueRef:vif-" + v},
        "attached_PCIs",
        new Object[0],
        "VGPUs",
        new Object[0],
        "VUSBs",
        new Object[0]);
  }

  private static Object[] refs(String prefix, int count) {
    Object[] refs = new Object[count];
    for (int i = 0; i < count; i++) {
      refs[i] = "OpaqueRef:" + prefix + "-" + i;
    }
    return refs;
  }

  public static Map<String, Object> record(Object... keysAndValues) {
    Map<String, Object> record = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      record.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return record;
  }

  private void put(String table, String ref, Map<String, Object> record) {
    tables.get(table).put(ref, record);
  }

  /** Serves {@code <Class>.get_all_records} for the seventeen classes. */
  public FakeXapiServer serveOn(FakeXapiServer server) {
    tables.forEach(
        (name, table) -> server.on(name + ".get_all_records", params -> Reply.value(table)));
    return server;
  }
}

package io.xemigrate.simulator.scenario;

import static io.xemigrate.simulator.scenario.Defaults.or;
import static io.xemigrate.simulator.scenario.Defaults.uuid;
import static io.xemigrate.simulator.scenario.ScenarioValidator.orEmpty;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.scenario.Scenario.CpuSpec;
import io.xemigrate.simulator.scenario.Scenario.HostSpec;
import io.xemigrate.simulator.scenario.Scenario.NetworkSpec;
import io.xemigrate.simulator.scenario.Scenario.PifSpec;
import io.xemigrate.simulator.scenario.Scenario.PoolSpec;
import io.xemigrate.simulator.scenario.Scenario.SoftwareSpec;
import io.xemigrate.simulator.scenario.Scenario.SrSpec;
import io.xemigrate.simulator.store.ObjectStore;
import io.xemigrate.simulator.store.Refs;
import io.xemigrate.simulator.store.XapiClass;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fills a pool's store from its scenario: pool, hosts (with metrics, control domains and PCI
 * devices), SRs with SM drivers and PBDs, networks with PIFs; then hands the VMs to {@link
 * VmBuilder}. Host addresses are set later, once the endpoints have ports.
 */
public final class PoolBuilder {
  private static final long MIB = 1024L * 1024L;
  private static final long GIB = 1024L * MIB;

  private final ObjectStore store;
  private final PoolSpec pool;
  final Map<String, String> hostRefs = new LinkedHashMap<>();
  final Map<String, String> srRefs = new HashMap<>();
  final Map<String, String> networkRefs = new HashMap<>();
  final Map<String, String> pciRefs = new HashMap<>();
  final Map<String, HostSpec> hosts = new HashMap<>();
  String poolRef = Refs.NULL;

  private PoolBuilder(ObjectStore store, PoolSpec pool) {
    this.store = store;
    this.pool = pool;
  }

  /** Builds {@code pool} into {@code store}; returns the host refs by host name, master first. */
  public static Map<String, String> build(ObjectStore store, PoolSpec pool) {
    PoolBuilder builder = new PoolBuilder(store, pool);
    store.transact(builder::buildAll);
    return builder.hostRefs;
  }

  private void buildAll() {
    String poolUuid = or(pool.uuid(), uuid("pool", pool.name()));
    poolRef =
        store.create(XapiClass.POOL, ImmutableMap.of("uuid", poolUuid, "name_label", pool.name()));
    pool.hosts().stream().filter(h -> Boolean.TRUE.equals(h.master())).forEach(this::host);
    pool.hosts().stream().filter(h -> !Boolean.TRUE.equals(h.master())).forEach(this::host);
    orEmpty(pool.srs()).forEach(this::sr);
    orEmpty(pool.networks()).forEach(this::network);
    String master = hostRefs.values().iterator().next();
    Map<String, Object> poolFields = new HashMap<>();
    poolFields.put("master", master);
    poolFields.put("cpu_info", poolCpuInfo());
    if (pool.defaultSr() != null) {
      poolFields.put("default_SR", srRefs.get(pool.defaultSr()));
      poolFields.put("suspend_image_SR", srRefs.get(pool.defaultSr()));
      poolFields.put("crash_dump_SR", srRefs.get(pool.defaultSr()));
    }
    store.update(XapiClass.POOL, poolRef, poolFields);
    new VmBuilder(store, pool, this).buildAll();
  }

  private void host(HostSpec host) {
    String hostUuid = or(host.uuid(), uuid(pool.name(), "host", host.name()));
    long memory = or(host.memoryMiB(), Defaults.HOST_MEMORY_MIB) * MIB;
    String metrics =
        store.create(
            XapiClass.HOST_METRICS,
            ImmutableMap.of(
                "uuid",
                uuid(hostUuid, "metrics"),
                "memory_total",
                memory,
                "memory_free",
                memory,
                "live",
                true,
                "last_updated",
                store.now()));
    SoftwareSpec software = or(host.software(), new SoftwareSpec(null, null, null, null));
    Map<String, Object> fields = new HashMap<>();
    fields.put("uuid", hostUuid);
    fields.put("name_label", host.name());
    fields.put("hostname", host.name());
    fields.put("enabled", or(host.enabled(), true));
    fields.put("metrics", metrics);
    fields.put("memory_overhead", or(host.memoryOverheadMiB(), Defaults.HOST_OVERHEAD_MIB) * MIB);
    fields.put("API_version_major", Defaults.API_MAJOR);
    fields.put("API_version_minor", Defaults.API_MINOR);
    fields.put("API_version_vendor", "XenSource");
    fields.put("cpu_info", cpuInfo(host.cpu()));
    fields.put("software_version", softwareVersion(host, software));
    fields.put(
        "virtual_hardware_platform_versions",
        or(host.virtualHardwarePlatformVersions(), Defaults.HARDWARE_PLATFORM_VERSIONS));
    fields.put("sched_policy", "credit");
    fields.put("edition", "xcp-ng");
    fields.put("display", "enabled");
    fields.put(
        "capabilities", ImmutableList.of("xen-3.0-x86_64", "hvm-3.0-x86_32", "hvm-3.0-x86_64"));
    String ref = store.create(XapiClass.HOST, fields);
    hostRefs.put(host.name(), ref);
    hosts.put(host.name(), host);
    for (Scenario.PciSpec pci : orEmpty(host.pcis())) {
      pciRefs.put(
          host.name() + "/" + pci.id(),
          store.create(
              XapiClass.PCI,
              ImmutableMap.<String, Object>builder()
                  .put("uuid", uuid(hostUuid, "pci", pci.id()))
                  .put("pci_id", pci.id())
                  .put("class_name", or(pci.className(), "3D controller"))
                  .put("vendor_name", or(pci.vendorName(), "NVIDIA Corporation"))
                  .put("device_name", or(pci.deviceName(), "Tesla T4"))
                  .put("host", ref)
                  .buildOrThrow()));
    }
    for (String pgpu : orEmpty(host.pgpus())) {
      store.create(
          XapiClass.PGPU, ImmutableMap.of("uuid", uuid(hostUuid, "pgpu", pgpu), "host", ref));
    }
    VmBuilder.controlDomain(store, pool.name(), host.name(), ref);
  }

  private static Map<String, Object> cpuInfo(CpuSpec cpu) {
    CpuSpec spec = or(cpu, new CpuSpec(null, null, null, null, null, null));
    String features = or(spec.features(), Defaults.CPU_FEATURES);
    return ImmutableMap.<String, Object>builder()
        .put("cpu_count", Integer.toString(or(spec.count(), Defaults.CPU_COUNT)))
        .put("socket_count", Integer.toString(or(spec.sockets(), Defaults.CPU_SOCKETS)))
        .put("vendor", or(spec.vendor(), Defaults.CPU_VENDOR))
        .put(
            "speed",
            String.format(Locale.ROOT, "%.3f", or(spec.speedMHz(), Defaults.CPU_SPEED_MHZ)))
        .put("modelname", or(spec.modelName(), Defaults.CPU_MODEL))
        .put("family", "6")
        .put("model", "85")
        .put("stepping", "7")
        .put("flags", "fpu de tsc msr pae mce cx8 apic sep mca cmov pat clflush mmx fxsr sse sse2")
        .put("features", features)
        .put("features_pv", features)
        .put("features_hvm", features)
        .put("features_pv_host", features)
        .put("features_hvm_host", features)
        .buildOrThrow();
  }

  /** The pool level: the common vendor and the AND of every host's feature mask. */
  private Map<String, Object> poolCpuInfo() {
    String mask = null;
    String vendor = Defaults.CPU_VENDOR;
    int cpus = 0;
    int sockets = 0;
    for (String ref : hostRefs.values()) {
      Map<String, Object> info = store.get(XapiClass.HOST, ref).map("cpu_info");
      vendor = (String) info.get("vendor");
      cpus += Integer.parseInt((String) info.get("cpu_count"));
      sockets += Integer.parseInt((String) info.get("socket_count"));
      mask =
          mask == null
              ? (String) info.get("features_hvm")
              : CpuMasks.and(mask, (String) info.get("features_hvm"));
    }
    return ImmutableMap.of(
        "cpu_count", Integer.toString(cpus),
        "socket_count", Integer.toString(sockets),
        "vendor", vendor,
        "features_pv", mask,
        "features_hvm", mask,
        "features_pv_host", mask,
        "features_hvm_host", mask);
  }

  /**
   * {@code software_version["xapi"]}: major.minor for the old numbering ({@code 1.249.0} gives
   * {@code 1.249}, as 8.2 shows), the whole build for the yearly one ({@code 25.31.0}).
   */
  static String xapiVersion(String build) {
    String[] parts = build.split("\\.");
    return parts.length >= 2 && parts[0].equals("1") ? parts[0] + "." + parts[1] : build;
  }

  private static Map<String, Object> softwareVersion(HostSpec host, SoftwareSpec software) {
    String product = or(software.productVersion(), Defaults.PRODUCT_VERSION);
    return ImmutableMap.<String, Object>builder()
        .put("product_brand", "XCP-ng")
        .put("product_version", product)
        .put("product_version_text", product)
        .put("product_version_text_short", product)
        .put("platform_name", "XCP")
        .put("platform_version", or(software.platformVersion(), Defaults.PLATFORM_VERSION))
        .put("build_number", "release/yangtze/master/58")
        .put("xapi", xapiVersion(or(software.xapiBuild(), Defaults.XAPI_BUILD)))
        .put("xapi_build", or(software.xapiBuild(), Defaults.XAPI_BUILD))
        .put("xen", or(software.xen(), Defaults.XEN))
        .put("linux", "4.19.0+1")
        .put("hostname", host.name())
        .put("date", "2025-01-01")
        .put("network_backend", "openvswitch")
        .buildOrThrow();
  }

  private void sr(SrSpec sr) {
    String srUuid = or(sr.uuid(), uuid(pool.name(), "sr", sr.name()));
    boolean shared = or(sr.shared(), false);
    long size = or(sr.sizeGiB(), 1024L) * GIB;
    long free = or(sr.freeGiB(), size / GIB) * GIB;
    String ref =
        store.create(
            XapiClass.SR,
            ImmutableMap.<String, Object>builder()
                .put("uuid", srUuid)
                .put("name_label", sr.name())
                .put("type", sr.type())
                .put("content_type", sr.type().equals("iso") ? "iso" : "user")
                .put("shared", shared)
                .put("physical_size", size)
                .put("physical_utilisation", size - free)
                .put(
                    "allowed_operations",
                    ImmutableList.of(
                        "scan",
                        "plug",
                        "unplug",
                        "vdi_create",
                        "vdi_destroy",
                        "vdi_snapshot",
                        "vdi_mirror",
                        "vdi_clone"))
                .put("other_config", or(sr.otherConfig(), ImmutableMap.of()))
                .buildOrThrow());
    srRefs.put(sr.name(), ref);
    List<String> pbdHosts =
        shared || sr.host() == null ? List.copyOf(hostRefs.keySet()) : List.of(sr.host());
    if (!shared && sr.host() == null) {
      pbdHosts = List.of(hostRefs.keySet().iterator().next());
    }
    for (String host : pbdHosts) {
      store.create(
          XapiClass.PBD,
          ImmutableMap.of(
              "uuid", uuid(srUuid, "pbd", host),
              "host", hostRefs.get(host),
              "SR", ref,
              "currently_attached", true,
              "device_config", ImmutableMap.of("location", "/dev/" + sr.name())));
    }
    boolean smKnown =
        store.all(XapiClass.SM).stream().anyMatch(sm -> sm.string("type").equals(sr.type()));
    if (!smKnown) {
      // A driver lists "NAME/VERSION"; xapi keeps the names in capabilities and NAME -> VERSION
      // in features (Smint.Feature.parse_string_int64 in ocaml/xapi/smint.ml, xapi_sm.ml).
      Map<String, Object> features = new LinkedHashMap<>();
      for (String listed : or(sr.capabilities(), SmCapabilities.forType(sr.type()))) {
        String[] parts = listed.split("/", 2);
        features.putIfAbsent(parts[0], parts.length == 2 ? smVersion(parts[1]) : 1L);
      }
      ImmutableMap<String, Object> parsed = ImmutableMap.copyOf(features);
      List<String> capabilities = List.copyOf(parsed.keySet());
      store.create(
          XapiClass.SM,
          ImmutableMap.<String, Object>builder()
              .put("uuid", uuid(pool.name(), "sm", sr.type()))
              .put("name_label", sr.type())
              .put("type", sr.type())
              .put("vendor", "Citrix Systems Inc")
              .put("version", "1.0")
              .put("required_api_version", "1.0")
              .put("capabilities", capabilities)
              .put("features", parsed)
              .put(
                  "driver_filename",
                  "/opt/xensource/sm/" + sr.type().toUpperCase(Locale.ROOT) + "SR")
              .buildOrThrow());
    }
  }

  /** A malformed version counts as 1, as xapi's parser has it. */
  private static long smVersion(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return 1L;
    }
  }

  private void network(NetworkSpec network) {
    String netUuid = or(network.uuid(), uuid(pool.name(), "network", network.name()));
    long mtu = or(network.mtu(), 1500L);
    String ref =
        store.create(
            XapiClass.NETWORK,
            ImmutableMap.<String, Object>builder()
                .put("uuid", netUuid)
                .put("name_label", network.name())
                .put("bridge", or(network.bridge(), "xenbr" + networkRefs.size()))
                .put("MTU", mtu)
                .put("managed", true)
                .put("other_config", or(network.otherConfig(), ImmutableMap.of()))
                .buildOrThrow());
    networkRefs.put(network.name(), ref);
    for (PifSpec pif : orEmpty(network.pifs())) {
      String device = or(pif.device(), "eth0");
      String mac =
          orEmpty(hosts.get(pif.host()).nics()).stream()
              .filter(n -> device.equals(n.device()) && n.mac() != null)
              .map(Scenario.NicSpec::mac)
              .findFirst()
              .orElse(Macs.derived(pool.name() + "/" + pif.host() + "/" + device));
      boolean hasIp = pif.ip() != null;
      // xapi reports the link speed in Mbit/s in PIF_metrics.speed (what ethtool says).
      long speed =
          orEmpty(hosts.get(pif.host()).nics()).stream()
              .filter(n -> device.equals(n.device()) && n.bandwidthMbps() != null)
              .map(Scenario.NicSpec::bandwidthMbps)
              .findFirst()
              .orElse(Defaults.NIC_MBPS);
      String metrics =
          store.create(
              XapiClass.PIF_METRICS,
              ImmutableMap.<String, Object>builder()
                  .put("uuid", uuid(netUuid, "pif-metrics", pif.host()))
                  .put("carrier", true)
                  .put("speed", speed)
                  .put("duplex", true)
                  .put("device_name", device)
                  .put("last_updated", store.now())
                  .buildOrThrow());
      store.create(
          XapiClass.PIF,
          ImmutableMap.<String, Object>builder()
              .put("uuid", uuid(netUuid, "pif", pif.host()))
              .put("device", device)
              .put("network", ref)
              .put("host", hostRefs.get(pif.host()))
              .put("MAC", mac)
              .put("MTU", mtu)
              .put("VLAN", or(network.vlan(), -1L))
              .put("physical", network.vlan() == null)
              .put("currently_attached", true)
              .put("ip_configuration_mode", hasIp ? "Static" : "None")
              .put("IP", or(pif.ip(), ""))
              .put("netmask", or(pif.netmask(), hasIp ? "255.255.255.0" : ""))
              .put("gateway", or(pif.gateway(), ""))
              .put("management", or(pif.management(), false))
              .put("managed", true)
              .put("metrics", metrics)
              .buildOrThrow());
    }
  }
}

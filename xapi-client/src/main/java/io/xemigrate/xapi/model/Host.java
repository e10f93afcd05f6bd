package io.xemigrate.xapi.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

/**
 * A host of a pool.
 *
 * @param address the management IP address or host name
 * @param enabled whether the host accepts new VMs ({@code host.disable} clears it)
 * @param live whether host_metrics reports the host live
 * @param cpuInfo xapi's {@code cpu_info} map: {@code vendor}, {@code features_pv}, {@code
 *     features_hvm}, {@code cpu_count}, {@code socket_count}, ...
 * @param softwareVersion xapi's {@code software_version} map: {@code product_version}, {@code
 *     platform_version}, {@code xapi}, {@code xen}, ...
 * @param memoryTotal bytes of host memory (host_metrics)
 * @param memoryFree bytes free as host_metrics reports them
 * @param memoryOverhead bytes the host itself reserves (host.memory_overhead)
 * @param virtualHardwarePlatformVersions the VM hardware platform versions this host can run
 * @param pifUuids the host's physical and VLAN interfaces
 */
public record Host(
    String uuid,
    String nameLabel,
    String address,
    boolean enabled,
    boolean live,
    ImmutableMap<String, String> cpuInfo,
    ImmutableMap<String, String> softwareVersion,
    long memoryTotal,
    long memoryFree,
    long memoryOverhead,
    ImmutableList<Long> virtualHardwarePlatformVersions,
    ImmutableList<String> pifUuids,
    ImmutableMap<String, String> otherConfig) {

  /** The CPU vendor ({@code GenuineIntel}, {@code AuthenticAMD}), or {@code ""}. */
  public String cpuVendor() {
    return cpuInfo.getOrDefault("vendor", "");
  }

  /** The number of physical CPUs, or 0 when xapi does not say. */
  public int cpuCount() {
    try {
      return Integer.parseInt(cpuInfo.getOrDefault("cpu_count", "0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The platform version ({@code software_version["platform_version"]}), or {@code ""}. */
  public String platformVersion() {
    return softwareVersion.getOrDefault("platform_version", "");
  }
}

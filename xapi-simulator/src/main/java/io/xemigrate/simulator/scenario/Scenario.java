package io.xemigrate.simulator.scenario;

import java.util.List;
import java.util.Map;

/**
 * A simulated world as read from YAML: users and pools. Field names are the YAML keys; absent
 * optional values are {@code null} here and take the defaults documented in the module README when
 * the world is built. UUIDs left out are derived from names (stable across runs).
 *
 * <p>The physics fields (NIC bandwidth, SR throughput, dirty rates) are not part of any XenAPI
 * record; the migration model reads them from here.
 */
public record Scenario(
    String name, String epoch, List<UserSpec> users, List<PoolSpec> pools, WorkloadSpec workloads) {

  /** A scenario with the built-in workload kinds only. */
  public Scenario(String name, String epoch, List<UserSpec> users, List<PoolSpec> pools) {
    this(name, epoch, users, pools, null);
  }

  /** A login: name, password and one of the role names of {@code Role}. */
  public record UserSpec(String name, String password, String role) {}

  /** A pool: its hosts, storage, networks and VMs. */
  public record PoolSpec(
      String name,
      String uuid,
      String defaultSr,
      List<HostSpec> hosts,
      List<SrSpec> srs,
      List<NetworkSpec> networks,
      List<VmSpec> vms) {}

  /** A host. {@code master: true} on exactly one host per pool. */
  public record HostSpec(
      String name,
      String uuid,
      Boolean master,
      Boolean enabled,
      CpuSpec cpu,
      Long memoryMiB,
      Long memoryOverheadMiB,
      SoftwareSpec software,
      List<Long> virtualHardwarePlatformVersions,
      List<NicSpec> nics,
      List<PciSpec> pcis,
      List<String> pgpus) {}

  /**
   * {@code features} is xapi's hex feature mask, e.g. {@code 1fcbfbff-f7fa3223-2d93fbff-00000023}.
   */
  public record CpuSpec(
      String vendor,
      String modelName,
      String features,
      Integer count,
      Integer sockets,
      Double speedMHz) {}

  /** The {@code host.software_version} keys the version checks compare. */
  public record SoftwareSpec(
      String productVersion, String platformVersion, String xapiBuild, String xen) {}

  /** A physical NIC; {@code bandwidthMbps} drives migration streams. */
  public record NicSpec(String device, String mac, Long bandwidthMbps) {}

  /** A PCI device on a host, addressed by {@code id} (e.g. {@code 0000:81:00.0}). */
  public record PciSpec(String id, String className, String vendorName, String deviceName) {}

  /** An SR; local SRs name their {@code host}. Capabilities default by {@code type}. */
  public record SrSpec(
      String name,
      String uuid,
      String type,
      Boolean shared,
      String host,
      Long sizeGiB,
      Long freeGiB,
      Long throughputMBps,
      List<String> capabilities,
      Map<String, String> otherConfig) {}

  /** A network with the PIFs that carry it. */
  public record NetworkSpec(
      String name,
      String uuid,
      String bridge,
      Long vlan,
      Long mtu,
      List<PifSpec> pifs,
      Map<String, String> otherConfig) {}

  /** A host's attachment to a network. */
  public record PifSpec(
      String host, String device, String ip, String netmask, String gateway, Boolean management) {}

  /**
   * A VM and everything attached to it. {@code cpuVendor} and {@code cpuFeatures} are the CPU flags
   * it last booted with ({@code last_boot_CPU_flags}): a running VM has the pool's unless given; a
   * halted VM has them only when given (a VM that never ran has none). {@code
   * hardwarePlatformVersion} is its {@code hardware_platform_version} (0 unless given).
   */
  public record VmSpec(
      String name,
      String uuid,
      String powerState,
      String host,
      String affinity,
      Long memoryMiB,
      Long dynamicMinMiB,
      Long vcpus,
      String domainType,
      Double dirtyRateMBps,
      Long writableWorkingSetMiB,
      Boolean guestTools,
      List<DiskSpec> disks,
      List<VifSpec> nics,
      List<SnapshotSpec> snapshots,
      CdSpec cd,
      List<String> pci,
      List<String> vgpus,
      Integer vusbs,
      List<String> tags,
      Map<String, String> blockedOperations,
      Map<String, String> platform,
      String cpuFeatures,
      String cpuVendor,
      Boolean template,
      Map<String, String> otherConfig,
      String workload,
      Long hardwarePlatformVersion) {

    /**
     * A plain guest of the generated scenarios: one disk, one NIC on the management network, no
     * devices. Its dirty rate and working set are the medians of its hidden workload process
     * (nothing of them in other_config: a real pool has no such keys).
     */
    public static VmSpec plainGuest(
        String name,
        String powerState,
        String host,
        long memoryMiB,
        long vcpus,
        double dirtyRateMBps,
        long writableWorkingSetMiB,
        boolean guestTools,
        DiskSpec disk) {
      return plainGuest(
          name,
          powerState,
          host,
          memoryMiB,
          vcpus,
          new GuestLoad(dirtyRateMBps, writableWorkingSetMiB, null),
          guestTools,
          disk);
    }

    /** As above, the workload given as a kind ({@code workloads.kinds}) or as median figures. */
    public static VmSpec plainGuest(
        String name,
        String powerState,
        String host,
        long memoryMiB,
        long vcpus,
        GuestLoad load,
        boolean guestTools,
        DiskSpec disk) {
      return new VmSpec(
          name,
          null,
          powerState,
          host,
          null,
          memoryMiB,
          null,
          vcpus,
          null,
          load.dirtyRateMBps(),
          load.writableWorkingSetMiB(),
          guestTools,
          List.of(disk),
          List.of(new VifSpec(null, "management", null, null)),
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          load.kind(),
          null);
    }

    /** The same VM with other_config {@code otherConfig} (an operator's hints, on purpose). */
    public VmSpec withOtherConfig(Map<String, String> config) {
      return new VmSpec(
          name,
          uuid,
          powerState,
          host,
          affinity,
          memoryMiB,
          dynamicMinMiB,
          vcpus,
          domainType,
          dirtyRateMBps,
          writableWorkingSetMiB,
          guestTools,
          disks,
          nics,
          snapshots,
          cd,
          pci,
          vgpus,
          vusbs,
          tags,
          blockedOperations,
          platform,
          cpuFeatures,
          cpuVendor,
          template,
          config,
          workload,
          hardwarePlatformVersion);
    }
  }

  /**
   * A plain guest's hidden workload: median figures (MB/s, MiB) or a kind name; nulls take the
   * kind's (or the built-in) distributions.
   */
  public record GuestLoad(Double dirtyRateMBps, Long writableWorkingSetMiB, String kind) {}

  /** A virtual disk; {@code fillPercent} of {@code sizeGiB} is allocated. */
  public record DiskSpec(
      String name,
      String uuid,
      String sr,
      Long sizeGiB,
      Integer fillPercent,
      Boolean cbt,
      Boolean encrypted,
      String device) {}

  /** A virtual NIC; the MAC is kept across pools. */
  public record VifSpec(String uuid, String network, String mac, String device) {}

  /**
   * A snapshot of the VM (its disks are snapshotted too). Its NICs are the VM's unless {@code nics}
   * is given: a VM can lose or gain NICs after a snapshot, which keeps the old ones.
   */
  public record SnapshotSpec(String name, String uuid, List<VifSpec> nics) {}

  /** A CD drive, empty or holding an ISO VDI named {@code iso} on SR {@code sr}. */
  public record CdSpec(String iso, String sr) {}
}

package io.xemigrate.planner.check;

import java.util.List;

/**
 * The checks, in the order they run. Within each list the order is xapi's where xapi has one, so
 * that the first blocker is the error xapi would raise first.
 */
public final class Checks {
  private Checks() {}

  /** Checks of the VM alone, run once per VM before any host is considered. */
  public static final List<VmCheck> VM =
      List.of(
          // Lifecycle checks of VM.allowed_operations (docs/xapi-behaviour.md#lifecycle-checks), in
          // xapi's order.
          new TemplateCheck(),
          new PowerStateCheck(),
          new OperationsInProgressCheck(),
          new ImmobileCheck(),
          new GuestToolsCheck(),
          new PciCheck(),
          new VgpuCheck(),
          new VusbCheck(),
          new SriovCheck(),
          // The VIF map is the same for every host (docs/xapi-behaviour.md#vif-handling).
          new VifMapCheck(),
          new VifMapIgnoredCheck(),
          new CdDriveCheck());

  /** Checks of the VM against one candidate host: the feasibility filters of placement. */
  public static final List<HostCheck> HOST =
      List.of(
          // Cheap facts about the host first: assert_can_migrate's order
          // (docs/xapi-behaviour.md#assert-can-migrate).
          new VersionCheck(),
          new HardwarePlatformCheck(),
          new HostStateCheck(),
          new PcpuCheck(),
          // The destination's dry-run import: a VM of the same UUID, CPU, then memory
          // (docs/xapi-behaviour.md#cross-pool-dry-run).
          new ExistingVmCheck(),
          new CpuCheck(),
          new MemoryCheck(),
          new BlockedOperationCheck(),
          // The disk map for this host (docs/xapi-behaviour.md#assert-can-migrate A4, D1,
          // docs/xapi-behaviour.md#unmapped-disks).
          new DiskMapCheck(),
          new SnapshotDiskCheck(),
          new SrCapabilityCheck(),
          new MovingDiskCheck(),
          new SourceSpaceCheck(),
          new DestinationSpaceCheck(),
          // What the VM needs to run there (docs/xapi-behaviour.md#boot-checks), then how its data
          // gets there
          // (docs/xapi-behaviour.md#migrate-receive).
          new SrVisibilityCheck(),
          new NetworkVisibilityCheck(),
          new TransferNetworkCheck(),
          new IncomingLimitCheck());
}

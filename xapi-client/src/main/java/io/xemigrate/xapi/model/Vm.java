package io.xemigrate.xapi.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.Optional;

/**
 * A VM, a snapshot or a template, with the fields that migration checks read.
 *
 * @param residentOnHostUuid the host it runs on, or {@code ""} when not running
 * @param snapshotOfUuid for a snapshot, the VM it was taken of; otherwise {@code ""}
 * @param snapshotUuids the VM's snapshots
 * @param memoryActual bytes the running domain has (VM_metrics), or 0 when halted
 * @param lastBootCpuFlags {@code last_boot_CPU_flags}: {@code vendor} and {@code features}
 * @param platform the VM's platform map ({@code nested-virt}, {@code vtpm}, ...)
 * @param allowedOperations xapi's allowed_operations, such as {@code migrate_send}
 * @param blockedOperations operation name to the reason/code xapi reports when refusing
 * @param currentOperations task reference to operation name, the operations in progress
 * @param hardwarePlatformVersion the VM's hardware_platform_version
 * @param guestTools what VM_guest_metrics says of the PV drivers and features
 * @param attachedPciCount how many PCI devices are passed through: {@code attached_PCIs} less the
 *     {@code PCI} of each vGPU whose type's implementation is {@code nvidia_sriov}, as xapi counts
 * @param vgpuUuids the VM's virtual GPUs
 * @param vusbUuids the VM's virtual USB devices
 * @param domainType {@code domain_type}: {@code hvm}, {@code pv}, {@code pvh}, {@code pv_in_pvh}
 *     (the running domain's type from VM_metrics when running); it decides which CPU feature set
 *     xapi compares and how it computes the memory overhead
 * @param startFlags what {@code VM_metrics} recorded at start; empty when xapi shows no metrics
 *     record for the VM
 */
public record Vm(
    String uuid,
    String nameLabel,
    PowerState powerState,
    String residentOnHostUuid,
    boolean isControlDomain,
    boolean isTemplate,
    boolean isSnapshot,
    String snapshotOfUuid,
    ImmutableList<String> snapshotUuids,
    Memory memory,
    long memoryActual,
    long vcpusMax,
    long vcpusAtStartup,
    ImmutableMap<String, String> lastBootCpuFlags,
    ImmutableMap<String, String> platform,
    ImmutableMap<String, String> otherConfig,
    ImmutableList<String> tags,
    ImmutableSet<String> allowedOperations,
    ImmutableMap<String, String> blockedOperations,
    ImmutableMap<String, String> currentOperations,
    long hardwarePlatformVersion,
    GuestTools guestTools,
    ImmutableList<String> vbdUuids,
    ImmutableList<String> vifUuids,
    int attachedPciCount,
    ImmutableList<String> vgpuUuids,
    ImmutableList<String> vusbUuids,
    String domainType,
    Optional<StartFlags> startFlags) {

  /** A builder for a VM of that UUID: a halted HVM guest with nothing attached until set. */
  public static Builder builder(String uuid) {
    return new Builder().uuid(uuid);
  }

  /** A builder holding this VM's fields, to change some of them. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.uuid = uuid;
    builder.nameLabel = nameLabel;
    builder.powerState = powerState;
    builder.residentOnHostUuid = residentOnHostUuid;
    builder.isControlDomain = isControlDomain;
    builder.isTemplate = isTemplate;
    builder.isSnapshot = isSnapshot;
    builder.snapshotOfUuid = snapshotOfUuid;
    builder.snapshotUuids = snapshotUuids;
    builder.memory = memory;
    builder.memoryActual = memoryActual;
    builder.vcpusMax = vcpusMax;
    builder.vcpusAtStartup = vcpusAtStartup;
    builder.lastBootCpuFlags = lastBootCpuFlags;
    builder.platform = platform;
    builder.otherConfig = otherConfig;
    builder.tags = tags;
    builder.allowedOperations = allowedOperations;
    builder.blockedOperations = blockedOperations;
    builder.currentOperations = currentOperations;
    builder.hardwarePlatformVersion = hardwarePlatformVersion;
    builder.guestTools = guestTools;
    builder.vbdUuids = vbdUuids;
    builder.vifUuids = vifUuids;
    builder.attachedPciCount = attachedPciCount;
    builder.vgpuUuids = vgpuUuids;
    builder.vusbUuids = vusbUuids;
    builder.domainType = domainType;
    builder.startFlags = startFlags;
    return builder;
  }

  /**
   * What {@code VM_metrics} recorded when the domain started ({@code nomigrate}, {@code
   * nested_virt}): xapi reads a VM's immobility from these while the VM has a metrics record, and
   * from {@code platform} otherwise ({@code ocaml/xapi/xapi_vm_lifecycle.ml}, {@code is_mobile}).
   */
  public record StartFlags(boolean nomigrate, boolean nestedVirt) {}

  /** Builds a {@link Vm}; unset fields keep the defaults of {@link Vm#builder}. */
  public static final class Builder {
    private String uuid = "";
    private String nameLabel = "";
    private PowerState powerState = PowerState.HALTED;
    private String residentOnHostUuid = "";
    private boolean isControlDomain = false;
    private boolean isTemplate = false;
    private boolean isSnapshot = false;
    private String snapshotOfUuid = "";
    private ImmutableList<String> snapshotUuids = ImmutableList.of();
    private Memory memory = new Memory(0, 0, 0, 0, 0);
    private long memoryActual = 0;
    private long vcpusMax = 1;
    private long vcpusAtStartup = 1;
    private ImmutableMap<String, String> lastBootCpuFlags = ImmutableMap.of();
    private ImmutableMap<String, String> platform = ImmutableMap.of();
    private ImmutableMap<String, String> otherConfig = ImmutableMap.of();
    private ImmutableList<String> tags = ImmutableList.of();
    private ImmutableSet<String> allowedOperations = ImmutableSet.of();
    private ImmutableMap<String, String> blockedOperations = ImmutableMap.of();
    private ImmutableMap<String, String> currentOperations = ImmutableMap.of();
    private long hardwarePlatformVersion = 0;
    private GuestTools guestTools = GuestTools.none();
    private ImmutableList<String> vbdUuids = ImmutableList.of();
    private ImmutableList<String> vifUuids = ImmutableList.of();
    private int attachedPciCount = 0;
    private ImmutableList<String> vgpuUuids = ImmutableList.of();
    private ImmutableList<String> vusbUuids = ImmutableList.of();
    private String domainType = "hvm";
    private Optional<StartFlags> startFlags = Optional.empty();

    private Builder() {}

    public Builder uuid(String value) {
      this.uuid = value;
      return this;
    }

    public Builder nameLabel(String value) {
      this.nameLabel = value;
      return this;
    }

    public Builder powerState(PowerState value) {
      this.powerState = value;
      return this;
    }

    public Builder residentOnHostUuid(String value) {
      this.residentOnHostUuid = value;
      return this;
    }

    public Builder isControlDomain(boolean value) {
      this.isControlDomain = value;
      return this;
    }

    public Builder isTemplate(boolean value) {
      this.isTemplate = value;
      return this;
    }

    public Builder isSnapshot(boolean value) {
      this.isSnapshot = value;
      return this;
    }

    public Builder snapshotOfUuid(String value) {
      this.snapshotOfUuid = value;
      return this;
    }

    public Builder snapshotUuids(ImmutableList<String> value) {
      this.snapshotUuids = value;
      return this;
    }

    public Builder memory(Memory value) {
      this.memory = value;
      return this;
    }

    public Builder memoryActual(long value) {
      this.memoryActual = value;
      return this;
    }

    public Builder vcpusMax(long value) {
      this.vcpusMax = value;
      return this;
    }

    public Builder vcpusAtStartup(long value) {
      this.vcpusAtStartup = value;
      return this;
    }

    public Builder lastBootCpuFlags(ImmutableMap<String, String> value) {
      this.lastBootCpuFlags = value;
      return this;
    }

    public Builder platform(ImmutableMap<String, String> value) {
      this.platform = value;
      return this;
    }

    public Builder otherConfig(ImmutableMap<String, String> value) {
      this.otherConfig = value;
      return this;
    }

    public Builder tags(ImmutableList<String> value) {
      this.tags = value;
      return this;
    }

    public Builder allowedOperations(ImmutableSet<String> value) {
      this.allowedOperations = value;
      return this;
    }

    public Builder blockedOperations(ImmutableMap<String, String> value) {
      this.blockedOperations = value;
      return this;
    }

    public Builder currentOperations(ImmutableMap<String, String> value) {
      this.currentOperations = value;
      return this;
    }

    public Builder hardwarePlatformVersion(long value) {
      this.hardwarePlatformVersion = value;
      return this;
    }

    public Builder guestTools(GuestTools value) {
      this.guestTools = value;
      return this;
    }

    public Builder vbdUuids(ImmutableList<String> value) {
      this.vbdUuids = value;
      return this;
    }

    public Builder vifUuids(ImmutableList<String> value) {
      this.vifUuids = value;
      return this;
    }

    public Builder attachedPciCount(int value) {
      this.attachedPciCount = value;
      return this;
    }

    public Builder vgpuUuids(ImmutableList<String> value) {
      this.vgpuUuids = value;
      return this;
    }

    public Builder vusbUuids(ImmutableList<String> value) {
      this.vusbUuids = value;
      return this;
    }

    public Builder domainType(String value) {
      this.domainType = value;
      return this;
    }

    public Builder startFlags(Optional<StartFlags> value) {
      this.startFlags = value;
      return this;
    }

    public Vm build() {
      return new Vm(
          uuid,
          nameLabel,
          powerState,
          residentOnHostUuid,
          isControlDomain,
          isTemplate,
          isSnapshot,
          snapshotOfUuid,
          snapshotUuids,
          memory,
          memoryActual,
          vcpusMax,
          vcpusAtStartup,
          lastBootCpuFlags,
          platform,
          otherConfig,
          tags,
          allowedOperations,
          blockedOperations,
          currentOperations,
          hardwarePlatformVersion,
          guestTools,
          vbdUuids,
          vifUuids,
          attachedPciCount,
          vgpuUuids,
          vusbUuids,
          domainType,
          startFlags);
    }
  }

  /**
   * The four memory fields of xapi, in bytes, with static_min ≤ dynamic_min ≤ dynamic_max ≤
   * static_max.
   */
  public record Memory(
      long staticMin, long dynamicMin, long dynamicMax, long staticMax, long overhead) {}

  /**
   * What the guest agent reports (VM_guest_metrics).
   *
   * @param present whether the VM has guest metrics at all (tools installed and running)
   * @param pvDriversUpToDate whether the PV drivers are current
   * @param other VM_guest_metrics.other, including {@code feature-suspend} and friends
   */
  public record GuestTools(
      boolean present, boolean pvDriversUpToDate, ImmutableMap<String, String> other) {
    public static GuestTools none() {
      return new GuestTools(false, false, ImmutableMap.of());
    }
  }

  /** Whether this is a real, user VM (not dom0, not a template, not a snapshot). */
  public boolean isGuest() {
    return !isControlDomain && !isTemplate && !isSnapshot;
  }
}

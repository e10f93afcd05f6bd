package io.xemigrate.xapi.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;

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
 * @param attachedPciCount how many PCI devices are passed through
 * @param vgpuUuids the VM's virtual GPUs
 * @param vusbUuids the VM's virtual USB devices
 * @param domainType {@code domain_type}: {@code hvm}, {@code pv}, {@code pvh}, {@code pv_in_pvh}
 *     (the running domain's type from VM_metrics when running); it decides which CPU feature set
 *     xapi compares and how it computes the memory overhead
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
    String domainType) {

  /** The constructor without a domain type, which is taken to be {@code hvm}. */
  public Vm(
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
      ImmutableList<String> vusbUuids) {
    this(
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
        "hvm");
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

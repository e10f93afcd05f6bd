package io.xemigrate.planner;

/**
 * Every code a finding can carry. Most are xapi's ({@code ocaml/xapi-consts/api_errors.ml}); the
 * ones marked "xe-migrate" are the planner's own, for facts xapi has no code for.
 */
public final class Codes {
  private Codes() {}

  // Versions (docs/xapi-behaviour.md#assert-can-migrate B1, C1).
  public static final String VM_HOST_INCOMPATIBLE_VERSION_MIGRATE =
      "VM_HOST_INCOMPATIBLE_VERSION_MIGRATE";
  public static final String NOT_SUPPORTED_DURING_UPGRADE = "NOT_SUPPORTED_DURING_UPGRADE";
  // Destination host (docs/xapi-behaviour.md#assert-can-migrate,
  // docs/xapi-behaviour.md#boot-checks).
  public static final String VM_HOST_INCOMPATIBLE_VIRTUAL_HARDWARE_PLATFORM_VERSION =
      "VM_HOST_INCOMPATIBLE_VIRTUAL_HARDWARE_PLATFORM_VERSION";
  public static final String HOST_DISABLED = "HOST_DISABLED";
  public static final String HOST_NOT_LIVE = "HOST_NOT_LIVE";
  public static final String HOST_NOT_ENOUGH_PCPUS = "HOST_NOT_ENOUGH_PCPUS";
  public static final String VM_INCOMPATIBLE_WITH_THIS_HOST = "VM_INCOMPATIBLE_WITH_THIS_HOST";
  public static final String HOST_NOT_ENOUGH_FREE_MEMORY = "HOST_NOT_ENOUGH_FREE_MEMORY";
  public static final String VM_REQUIRES_SR = "VM_REQUIRES_SR";
  public static final String VM_REQUIRES_NETWORK = "VM_REQUIRES_NETWORK";
  public static final String NO_HOSTS_AVAILABLE = "NO_HOSTS_AVAILABLE";
  // Storage (docs/xapi-behaviour.md#sr-capabilities, docs/xapi-behaviour.md#cbt-and-encryption,
  // docs/xapi-behaviour.md#unmapped-disks,
  // docs/xapi-behaviour.md#disk-mirroring).
  public static final String VDI_NOT_IN_MAP = "VDI_NOT_IN_MAP";
  public static final String SR_DOES_NOT_SUPPORT_MIGRATION = "SR_DOES_NOT_SUPPORT_MIGRATION";
  public static final String VDI_CBT_ENABLED = "VDI_CBT_ENABLED";
  public static final String VDI_IS_ENCRYPTED = "VDI_IS_ENCRYPTED";
  public static final String SR_SOURCE_SPACE_INSUFFICIENT = "SR_SOURCE_SPACE_INSUFFICIENT";

  /** What the SM backend raises when an SR is full (error 44, "There is insufficient space"). */
  public static final String SR_BACKEND_FAILURE_44 = "SR_BACKEND_FAILURE_44";

  // Networks (docs/xapi-behaviour.md#migrate-receive, docs/xapi-behaviour.md#vif-handling).
  public static final String VIF_NOT_IN_MAP = "VIF_NOT_IN_MAP";
  public static final String HOST_CANNOT_ATTACH_NETWORK = "HOST_CANNOT_ATTACH_NETWORK";
  public static final String PIF_HAS_NO_NETWORK_CONFIGURATION = "PIF_HAS_NO_NETWORK_CONFIGURATION";
  public static final String INTERFACE_HAS_NO_IP = "INTERFACE_HAS_NO_IP";
  // Lifecycle (docs/xapi-behaviour.md#lifecycle-checks).
  public static final String OPERATION_BLOCKED = "OPERATION_BLOCKED";
  public static final String VM_BAD_POWER_STATE = "VM_BAD_POWER_STATE";
  public static final String OTHER_OPERATION_IN_PROGRESS = "OTHER_OPERATION_IN_PROGRESS";
  public static final String VM_IS_TEMPLATE = "VM_IS_TEMPLATE";
  public static final String VM_IS_SNAPSHOT = "VM_IS_SNAPSHOT";
  public static final String VM_IS_IMMOBILE = "VM_IS_IMMOBILE";
  public static final String OPERATION_NOT_ALLOWED = "OPERATION_NOT_ALLOWED";
  public static final String VM_NON_SUSPENDABLE = "VM_NON_SUSPENDABLE";
  public static final String VM_LACKS_FEATURE = "VM_LACKS_FEATURE";
  public static final String VM_HAS_PCI_ATTACHED = "VM_HAS_PCI_ATTACHED";
  public static final String VM_HAS_VGPU = "VM_HAS_VGPU";
  public static final String VM_HAS_VUSBS = "VM_HAS_VUSBS";
  public static final String VM_HAS_SRIOV_VIF = "VM_HAS_SRIOV_VIF";

  /** xe-migrate: xapi ejects inserted CDs on a storage migration and does not put them back. */
  public static final String CD_WILL_BE_EJECTED = "CD_WILL_BE_EJECTED";

  /** xe-migrate: only the management network can carry the migration traffic. */
  public static final String TRANSFER_NETWORK_IS_MANAGEMENT = "TRANSFER_NETWORK_IS_MANAGEMENT";

  /** xe-migrate: the plan's limit of incoming moves per destination host is reached. */
  public static final String HOST_INCOMING_LIMIT_REACHED = "HOST_INCOMING_LIMIT_REACHED";

  /** xe-migrate: a VIF map was given for a move inside one pool, where xapi refuses one. */
  public static final String VIF_MAP_IGNORED = "VIF_MAP_IGNORED";

  // Balancing (pool-balance-plan): rules and thresholds a balance could not meet.

  /** xe-migrate: a host stays over a balance threshold after the planned moves. */
  public static final String BALANCE_THRESHOLD_UNMET = "BALANCE_THRESHOLD_UNMET";

  /** xe-migrate: VMs of one anti-affinity group stay on one host. */
  public static final String ANTI_AFFINITY_UNMET = "ANTI_AFFINITY_UNMET";

  /** xe-migrate: the VMs of one affinity group run on several hosts. */
  public static final String AFFINITY_UNMET = "AFFINITY_UNMET";

  /** xe-migrate: the balance stopped at its most moves. */
  public static final String BALANCE_MAX_MOVES_REACHED = "BALANCE_MAX_MOVES_REACHED";

  /** xe-migrate: a balance rule names a VM or host the pool does not have. */
  public static final String BALANCE_RULE_UNKNOWN_NAME = "BALANCE_RULE_UNKNOWN_NAME";
}

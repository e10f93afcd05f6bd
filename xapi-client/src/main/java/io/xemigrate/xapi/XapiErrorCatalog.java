package io.xemigrate.xapi;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Plain-word explanations, with a remedy, of the error codes a migration can meet. Placeholders
 * {@code {0}}, {@code {1}}... stand for the error's parameters in xapi's order
 * (docs/xapi-behaviour.md#error-codes).
 */
public final class XapiErrorCatalog {

  /**
   * One entry.
   *
   * @param meaning what went wrong, in plain words
   * @param remedy what the operator can do about it
   */
  public record Entry(String meaning, String remedy) {}

  private static final ImmutableMap<String, Entry> ENTRIES =
      ImmutableMap.<String, Entry>builder()
          .put(
              "VDI_CBT_ENABLED",
              new Entry(
                  "Changed block tracking is enabled on disk {0}; xapi will not move such a disk.",
                  "Disable changed block tracking on disk {0} (VDI.disable_cbt); the next backup"
                      + " of this disk will be a full one."))
          .put(
              "VDI_IS_ENCRYPTED",
              new Entry(
                  "Disk {0} is encrypted (sm_config key_hash); encrypted disks cannot be moved.",
                  "Keep the disk on its SR, or decrypt it first."))
          .put(
              "VDI_NOT_IN_MAP",
              new Entry(
                  "Disk {0} has no destination SR in the disk map.",
                  "Map every disk (snapshots included), or give the destination pool a default"
                      + " SR."))
          .put(
              "VIF_NOT_IN_MAP",
              new Entry(
                  "Network interface {0} has no destination network in the network map.",
                  "Map every VIF of the VM and of its snapshots to a destination network."))
          .put(
              "SR_DOES_NOT_SUPPORT_MIGRATION",
              new Entry(
                  "SR {0} lacks the storage-motion capabilities {1}.",
                  "Choose SRs whose drivers support VDI_MIRROR (not iso, udev, raw iscsi/hba)."))
          .put(
              "VM_HOST_INCOMPATIBLE_VERSION_MIGRATE",
              new Entry(
                  "The destination host of VM {0} runs an older xen, xapi or platform version.",
                  "Upgrade the destination pool first, or pick a destination on the same version."))
          .put(
              "NOT_SUPPORTED_DURING_UPGRADE",
              new Entry(
                  "The destination host is older than the source during a rolling upgrade.",
                  "Migrate only towards hosts that are already upgraded."))
          .put(
              "VM_INCOMPATIBLE_WITH_THIS_HOST",
              new Entry(
                  "VM {0} cannot run on host {1}: {2}",
                  "Pick a host with the same CPU vendor and at least the VM's CPU features, or"
                      + " shut the VM down and start it again to adopt the pool's CPU level."))
          .put(
              "HOST_NOT_ENOUGH_FREE_MEMORY",
              new Entry(
                  "The destination host lacks memory (needed {0} bytes, available {1}).",
                  "Free memory on the destination or choose another host; VDI.pool_migrate needs"
                      + " the VM's footprint twice on its own host."))
          .put(
              "HOST_NOT_ENOUGH_PCPUS",
              new Entry(
                  "The VM has {0} vCPUs but the destination host only {1} physical CPUs.",
                  "Choose a larger host or lower the VM's VCPUs_max."))
          .put(
              "HOST_DISABLED",
              new Entry(
                  "Host {0} is disabled (maintenance mode) and takes no new VMs.",
                  "Enable the host or choose another one."))
          .put(
              "VM_BAD_POWER_STATE",
              new Entry(
                  "VM {0} is {2} but the operation needs it {1}.",
                  "Bring the VM to the expected power state first."))
          .put(
              "VM_REQUIRES_SR",
              new Entry(
                  "VM {0} needs SR {1}, which the destination host cannot see.",
                  "Use storage motion (migrate_send with a disk map) or attach the SR there."))
          .put(
              "VM_REQUIRES_NETWORK",
              new Entry(
                  "VM {0} needs network {1}, which the destination host cannot reach.",
                  "Give the destination host a PIF on that network."))
          .put(
              "VM_LACKS_FEATURE",
              new Entry(
                  "VM {0} has no PV drivers or guest agent, so it cannot be live migrated.",
                  "Install the guest tools, or migrate the VM while it is halted."))
          .put(
              "VM_NON_SUSPENDABLE",
              new Entry(
                  "VM {0} reports that it cannot be suspended: {1}",
                  "Fix the reason in the guest, or migrate the VM halted."))
          .put(
              "VM_IS_IMMOBILE",
              new Entry(
                  "VM {0} is marked nomigrate or uses nested virtualisation.",
                  "Remove platform:nomigrate / nested-virt, or move the VM halted."))
          .put(
              "VM_HAS_PCI_ATTACHED",
              new Entry("VM {0} has PCI pass-through devices.", "Detach them before migrating."))
          .put(
              "VM_HAS_VGPU",
              new Entry("VM {0} has a virtual GPU.", "Migrate it halted, or remove the vGPU."))
          .put(
              "VM_HAS_VUSBS",
              new Entry("VM {0} has virtual USB devices.", "Unplug them before migrating."))
          .put(
              "OTHER_OPERATION_IN_PROGRESS",
              new Entry(
                  "{0} {1} is busy with another operation ({2}).",
                  "Wait for that operation to finish; xe-migrate retries later."))
          .put(
              "TOO_MANY_STORAGE_MIGRATES",
              new Entry(
                  "The source host already runs {0} storage migrations.",
                  "Wait for one to finish; xe-migrate queues the move and retries."))
          .put(
              "OPERATION_BLOCKED",
              new Entry(
                  "The operation is blocked on VM {0}: {1}",
                  "Remove the entry from the VM's blocked_operations if the block is stale."))
          .put(
              "LICENCE_RESTRICTION",
              new Entry(
                  "The pool's licence does not allow {0}.", "License the pool for this feature."))
          .put(
              "HOST_CANNOT_ATTACH_NETWORK",
              new Entry(
                  "Host {0} has no usable interface on network {1}.",
                  "Choose a migration network the destination host has a PIF on."))
          .put(
              "INTERFACE_HAS_NO_IP",
              new Entry(
                  "Interface {0} on the migration network has no IP address.",
                  "Configure an IP on that PIF or choose another migration network."))
          .put(
              "PIF_HAS_NO_NETWORK_CONFIGURATION",
              new Entry(
                  "Interface {0} on the migration network is not configured.",
                  "Configure the PIF (static or DHCP) or choose another migration network."))
          .put(
              "MIRROR_FAILED",
              new Entry(
                  "The disk mirror of {0} broke during storage motion.",
                  "Check the migration network and the destination SR, then try again."))
          .put(
              "SR_SOURCE_SPACE_INSUFFICIENT",
              new Entry(
                  "The source SR has no room for the mirror snapshot.",
                  "Free space on the source SR (at least the size of the disk being moved)."))
          .put(
              "VM_MIGRATE_FAILED",
              new Entry(
                  "The migration of VM {0} from host {1} to host {2} failed: {3}",
                  "Check where the VM now runs before trying again."))
          .put(
              "TASK_CANCELLED",
              new Entry("The task was cancelled.", "Nothing to do; the VM stays on its source."))
          .put(
              "HOST_IS_SLAVE",
              new Entry(
                  "This host is a pool member; the master is {0}.",
                  "Connect to the master (xe-migrate follows it automatically)."))
          .put(
              "SESSION_AUTHENTICATION_FAILED",
              new Entry(
                  "The user name or password was refused.",
                  "Check the credentials (password file or environment variable)."))
          .put(
              "RBAC_PERMISSION_DENIED",
              new Entry(
                  "The account lacks the role for this call.",
                  "Use an account with at least the VM Power Admin role (Pool Operator for"
                      + " host maintenance)."))
          .put(
              "VM_HOST_INCOMPATIBLE_VIRTUAL_HARDWARE_PLATFORM_VERSION",
              new Entry(
                  "Host {0} supports hardware platform versions {1}, VM {2} needs {3}.",
                  "Choose a newer destination host."))
          .put(
              "VDI_ON_BOOT_MODE_INCOMPATIBLE_WITH_OPERATION",
              new Entry(
                  "A disk of the VM resets on boot (on_boot=reset) or is cached.",
                  "Set the disk's on_boot to persist before migrating."))
          .put(
              "SUSPEND_IMAGE_NOT_ACCESSIBLE",
              new Entry(
                  "The suspend image {0} is on an SR the source host cannot see.",
                  "Resume the VM, or make the suspend image's SR visible."))
          .put(
              "VDI_NEEDS_VM_FOR_MIGRATE",
              new Entry(
                  "Disk {0} is attached to no VM, and VDI.pool_migrate moves only attached disks.",
                  "Attach the disk to a VM first (or copy it)."))
          .put(
              "DUPLICATE_MAC_SEED",
              new Entry(
                  "The destination pool already has another VM with MAC seed {0}.",
                  "Remove the stale copy on the destination, or migrate in copy mode."))
          .put(
              "VM_TO_IMPORT_IS_NOT_NEWER_VERSION",
              new Entry(
                  "A halted copy of this VM ({0}) already exists on the destination.",
                  "Remove the stale copy on the destination pool."))
          .put(
              "NO_HOSTS_AVAILABLE",
              new Entry("No host can take VM {0}.", "Free capacity or enable a host, then retry."))
          .put(
              "CANNOT_EVACUATE_HOST",
              new Entry(
                  "Some VMs cannot leave the host: {0}",
                  "Fix each listed VM (code, then parameters) or move it by hand."))
          .put(
              "HOST_EVACUATE_IN_PROGRESS",
              new Entry("Host {0} is being evacuated and takes no VMs.", "Choose another host."))
          .put(
              "VDI_INCOMPATIBLE_TYPE",
              new Entry(
                  "The disk cannot move: {0} {1}",
                  "CBT metadata disks and unsupported image formats stay where they are."))
          .put(
              "HOST_NOT_LIVE",
              new Entry(
                  "The destination host is not live.", "Bring the host back or choose another."))
          .put(
              "VM_MIGRATE_CONTACT_REMOTE_SERVICE_FAILED",
              new Entry(
                  "The source could not reach the destination's migration service.",
                  "Check the migration network and port 443 between the hosts."))
          .put(
              "CANNOT_CONTACT_HOST",
              new Entry(
                  "The source could not reach {0} during the dry run.",
                  "Check the migration network and port 443 to that address."))
          .put(
              "VM_REQUIRES_GPU",
              new Entry(
                  "VM {0} needs GPU capacity in group {1} on the destination.",
                  "Choose a host with a free GPU of that group."))
          .put(
              XapiErrors.TLS_FINGERPRINT_MISMATCH,
              new Entry(
                  "{0}",
                  "If the pool's certificate was replaced on purpose, update the pin or remove"
                      + " the host's line from the known-pools file."))
          .put(
              XapiErrors.OUTCOME_UNKNOWN,
              new Entry(
                  "The connection broke after the request may have reached the server: {0}",
                  "Do not resend: observe the VM, its disks and its tasks to learn the outcome."))
          .buildOrThrow();

  private XapiErrorCatalog() {}

  /** Every code the catalog explains. */
  static ImmutableSet<String> codes() {
    return ENTRIES.keySet();
  }

  /** The entry for a code, if the catalog has one. */
  public static Optional<Entry> entry(String code) {
    return Optional.ofNullable(ENTRIES.get(code));
  }

  /** A one-line explanation with its remedy, parameters filled in. */
  public static String explain(String code, List<String> parameters) {
    Entry entry = ENTRIES.get(code);
    if (entry == null) {
      return code + " " + parameters;
    }
    Object[] arguments = parameters.toArray();
    return format(entry.meaning(), arguments) + " Remedy: " + format(entry.remedy(), arguments);
  }

  /** A one-line explanation of an exception. */
  public static String explain(XapiException exception) {
    return explain(exception.code(), exception.parameters());
  }

  private static String format(String pattern, Object[] arguments) {
    return new MessageFormat(pattern.replace("'", "''"), Locale.ROOT).format(arguments);
  }
}

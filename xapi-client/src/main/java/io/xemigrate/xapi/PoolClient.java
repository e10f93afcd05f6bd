package io.xemigrate.xapi;

import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.RrdUpdates;
import io.xemigrate.xapi.model.Task;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The narrow interface through which xe-migrate talks to one pool. Objects are named by UUID, data
 * comes back as {@code model} records, and every failure is an {@link XapiException}. No SDK type
 * appears here.
 *
 * <p>Open one with {@link XapiClients#connect}; {@link #close()} logs the session out (unless it
 * was reused).
 */
public interface PoolClient extends AutoCloseable {

  /** The master's address currently in use. */
  String masterAddress();

  /** The whole pool, with one {@code get_all_records} per class. */
  PoolInventory loadInventory();

  /** Follows changes from an inventory this client loaded. */
  InventoryTracker track(PoolInventory start);

  /** Where a VM is now, or empty when this pool has no VM with that UUID. */
  Optional<VmPlacement> placement(String vmUuid);

  /**
   * Mints a migration token on this (destination) pool for a host and a migration network. Close
   * the token when the migration ends.
   */
  MigrateReceiveToken migrateReceive(String hostUuid, String networkUuid);

  /** xapi's dry run; throws the first failing check as an {@link XapiException}. */
  void assertCanMigrate(MigrationSpec spec, MigrateReceiveToken destination);

  /** Starts {@code VM.migrate_send}. Never resent: after a broken connection, observe instead. */
  TaskHandle migrateSend(MigrationSpec spec, MigrateReceiveToken destination);

  /** Starts {@code VM.pool_migrate} (same pool, shared storage). */
  TaskHandle poolMigrate(String vmUuid, String hostUuid, Map<String, String> options);

  /** Starts {@code VDI.pool_migrate} (one disk to another SR of the same pool). */
  TaskHandle vdiPoolMigrate(String vdiUuid, String srUuid, Map<String, String> options);

  /**
   * Follows a task through events until it ends, reporting progress; when {@code cancel} says so,
   * asks xapi to cancel it (if it still can be) and keeps following it to its end.
   *
   * @param wait the longest single {@code event.from} wait between cancellation checks
   */
  Task awaitTask(
      TaskHandle task, TaskProgressListener progress, CancellationSignal cancel, Duration wait);

  /**
   * One {@code event.from} on every task of the pool: blocks up to {@code wait} for a change after
   * {@code token} ({@code ""}: returns every live task at once, with the token to follow from).
   * Failed tasks carry their {@code error_info}.
   */
  TaskChanges taskChanges(String token, Duration wait);

  /** Asks xapi to cancel a task; false when the task no longer allows it. */
  boolean cancelTask(TaskHandle task);

  void disableHost(String hostUuid);

  void enableHost(String hostUuid);

  /** Starts {@code host.evacuate}. */
  TaskHandle evacuateHost(String hostUuid);

  void plugVif(String vifUuid);

  /** Starts a halted VM on a host. */
  TaskHandle startVm(String vmUuid, String hostUuid);

  /** Shuts a VM down, cleanly or not. */
  TaskHandle shutdownVm(String vmUuid, boolean clean);

  /**
   * Destroys a VM record that is not running (xapi's {@code VM.destroy}): its VBDs, VIFs and
   * metrics go with it, its disks stay. {@code VM_BAD_POWER_STATE} when it runs.
   */
  void destroyVm(String vmUuid);

  /**
   * Destroys a disk (xapi's {@code VDI.destroy}) and the VBDs of halted VMs that still point at it.
   * {@code VDI_IN_USE} when a running VM has it.
   */
  void destroyVdi(String vdiUuid);

  /** Sets one key of a host's {@code other_config} (replacing its value). */
  void setHostOtherConfig(String hostUuid, String key, String value);

  /** Removes one key of a host's {@code other_config}; nothing happens when it is absent. */
  void removeHostOtherConfig(String hostUuid, String key);

  /**
   * One host's RRD rows since {@code startSeconds} (Unix seconds, or negative: relative to now) at
   * {@code intervalSeconds} resolution, from that host's {@code /rrd_updates} with this client's
   * session and TLS trust: the host's own sources and those of the VMs running on it. Read
   * incrementally with {@link RrdFeed}.
   */
  RrdUpdates rrdUpdates(String hostUuid, long startSeconds, long intervalSeconds);

  /** Logs out (unless the session was reused). Never throws. */
  @Override
  void close();
}

package io.xemigrate.coordinator.move;

import com.google.common.collect.ImmutableList;

/**
 * The one thing the run loop does after a transition. Sealed, so the loop's switch over it is
 * exhaustive.
 */
public sealed interface MoveAction {
  /** Read both pools again, then call the transition function. */
  record Observe() implements MoveAction {}

  /** {@code host.migrate_receive} on the destination host (cross-pool moves only). */
  record MigrateReceive() implements MoveAction {}

  /** {@code VM.assert_can_migrate} with the plan's disk and NIC maps. */
  record AssertCanMigrate() implements MoveAction {}

  /** {@code Async.VM.migrate_send} or {@code Async.VM.pool_migrate}: sent at most once. */
  record StartMigration() implements MoveAction {}

  /** Wait for the next change of the task (through events, no polling). */
  record WatchTask() implements MoveAction {}

  /** Wait until the sending host has a free migration slot, then observe. */
  record WaitForSlot() implements MoveAction {}

  /** {@code Task.cancel}; the outcome is read by the next observation. */
  record CancelTask() implements MoveAction {}

  /** {@code VIF.plug} for each listed device on the destination VM. */
  record PlugVifs(ImmutableList<String> devices) implements MoveAction {}

  /** {@code VM.start_on} the source host, after xapi halted the VM in a failed migration. */
  record RestartOnSource() implements MoveAction {}

  /** Nothing more: the move reached a final phase. */
  record Finish() implements MoveAction {}
}

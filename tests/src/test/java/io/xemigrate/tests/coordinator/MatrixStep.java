package io.xemigrate.tests.coordinator;

import io.xemigrate.coordinator.move.MoveAction;

/**
 * Where in one move the fault matrix injects a fault. The pool a step talks to is where its
 * pool-wide faults (failover, toolstack restart, expired sessions, connection resets) go.
 */
enum MatrixStep {
  /** A migration fault, armed before the run: it fires at its own migration phase. */
  OWN_PHASE(false),
  /** Just before {@code host.migrate_receive} (the move is RECEIVING). */
  BEFORE_RECEIVE(true),
  /** Just before {@code VM.assert_can_migrate} (VALIDATING, a receive token in hand). */
  DURING_VALIDATION(false),
  /** Just before {@code VM.migrate_send}: the hand-off itself (MIGRATING, nothing sent yet). */
  AT_HAND_OFF(false),
  /** While the migration task runs (MIGRATING, the task being followed). */
  DURING_MIGRATING(false),
  /** After the task ended, before the coordinator reads the pools to verify (VERIFYING). */
  DURING_VERIFYING(true);

  private final boolean destinationSide;

  MatrixStep(boolean destinationSide) {
    this.destinationSide = destinationSide;
  }

  /** Whether the coordinator talks to the destination pool at this step (else the source). */
  boolean destinationSide() {
    return destinationSide;
  }

  /** Whether the move reaches this step by starting {@code action}. */
  boolean startsWith(MoveAction action) {
    return switch (this) {
      case BEFORE_RECEIVE -> action instanceof MoveAction.MigrateReceive;
      case DURING_VALIDATION -> action instanceof MoveAction.AssertCanMigrate;
      case AT_HAND_OFF -> action instanceof MoveAction.StartMigration;
      case DURING_MIGRATING -> action instanceof MoveAction.WatchTask;
      case OWN_PHASE, DURING_VERIFYING -> false;
    };
  }
}

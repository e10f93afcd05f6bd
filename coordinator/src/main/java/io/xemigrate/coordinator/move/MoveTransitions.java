package io.xemigrate.coordinator.move;

import static io.xemigrate.coordinator.move.MoveOutcomes.ALREADY_ON_DESTINATION;
import static io.xemigrate.coordinator.move.MoveOutcomes.DISKS_OFF_PLAN;
import static io.xemigrate.coordinator.move.MoveOutcomes.DRIFTED_HOST;
import static io.xemigrate.coordinator.move.MoveOutcomes.DRIFTED_NOT_RUNNING;
import static io.xemigrate.coordinator.move.MoveOutcomes.LANDED_ON_OTHER_HOST;
import static io.xemigrate.coordinator.move.MoveOutcomes.MIGRATION_CALL_LOST;
import static io.xemigrate.coordinator.move.MoveOutcomes.NOT_ON_DESTINATION;
import static io.xemigrate.coordinator.move.MoveOutcomes.NO_MIGRATION_SLOT;
import static io.xemigrate.coordinator.move.MoveOutcomes.RESTART_ON_SOURCE_FAILED;
import static io.xemigrate.coordinator.move.MoveOutcomes.TOO_MANY_STORAGE_MIGRATES;
import static io.xemigrate.coordinator.move.MoveOutcomes.USER_CANCELLED;
import static io.xemigrate.coordinator.move.MoveOutcomes.VIF_MISSING;
import static io.xemigrate.coordinator.move.MoveOutcomes.VIF_REATTACH_FAILED;
import static io.xemigrate.coordinator.move.MoveOutcomes.VM_IN_BOTH_POOLS;
import static io.xemigrate.coordinator.move.MoveOutcomes.VM_NOT_FOUND;

import com.google.common.collect.ImmutableList;
import io.xemigrate.coordinator.move.Observation.CallFailure;
import io.xemigrate.coordinator.move.Observation.TaskView;
import java.util.Optional;

/**
 * The pure transition function of one move: {@code (state, observation) -> (state, action)}.
 *
 * <p>Observe, then act, one phase per step (KubeVirt's migration controller). It reads nothing but
 * its arguments, so every row of its behaviour is a table test. Its two safety rules:
 *
 * <ul>
 *   <li>A call that moves the VM is never sent twice: once {@link MovePhase#isHandedOff()} holds,
 *       failures are settled by reading where the VM is, not by retrying.
 *   <li>A VM is never left down: if a failed migration left it halted on its source, the next
 *       action starts it there again.
 * </ul>
 */
public final class MoveTransitions {
  private static final MoveAction OBSERVE = new MoveAction.Observe();
  private static final MoveAction FINISH = new MoveAction.Finish();

  private final MovePolicy policy;

  public MoveTransitions(MovePolicy policy) {
    this.policy = policy;
  }

  public Transition next(MoveState state, Observation seen) {
    return switch (state.phase()) {
      case PENDING -> fromPending(state, seen);
      case RECEIVING -> fromReceiving(state, seen);
      case VALIDATING -> fromValidating(state, seen);
      case MIGRATING -> fromMigrating(state, seen);
      case VERIFYING, REATTACHING -> verify(state, seen);
      case RECOVERING -> fromRecovering(state, seen);
      case SUCCEEDED, SKIPPED, FAILED, CANCELLED, NEEDS_RECONCILE -> new Transition(state, FINISH);
    };
  }

  /** Before anything was sent: re-check the live state (skip what is done, fail what drifted). */
  private Transition fromPending(MoveState state, Observation seen) {
    if (seen.cancelRequested()) {
      return end(state, MovePhase.CANCELLED, USER_CANCELLED);
    }
    return switch (seen.whereabouts()) {
      case ON_SOURCE_RUNNING -> startMove(state);
      case ON_DESTINATION ->
          verify(
              state.ending(MovePhase.VERIFYING, ALREADY_ON_DESTINATION, ImmutableList.of()), seen);
      case ON_SOURCE_NOT_RUNNING -> end(state, MovePhase.FAILED, DRIFTED_NOT_RUNNING);
      case ON_SOURCE_OTHER_HOST, ON_DESTINATION_OTHER_HOST ->
          end(state, MovePhase.FAILED, DRIFTED_HOST);
      case IN_BOTH_POOLS -> end(state, MovePhase.NEEDS_RECONCILE, VM_IN_BOTH_POOLS);
      case NOWHERE -> end(state, MovePhase.FAILED, VM_NOT_FOUND);
    };
  }

  private Transition startMove(MoveState state) {
    return policy.crossPool()
        ? new Transition(state.to(MovePhase.RECEIVING), new MoveAction.MigrateReceive())
        : new Transition(state.to(MovePhase.VALIDATING), new MoveAction.AssertCanMigrate());
  }

  /** After {@code host.migrate_receive}: validate, unless it failed or the VM drifted. */
  private Transition fromReceiving(MoveState state, Observation seen) {
    return beforeHandOff(state, seen)
        .orElseGet(
            () ->
                new Transition(state.to(MovePhase.VALIDATING), new MoveAction.AssertCanMigrate()));
  }

  /** After {@code VM.assert_can_migrate}: start the migration, unless it refused. */
  private Transition fromValidating(MoveState state, Observation seen) {
    return beforeHandOff(state, seen)
        .orElseGet(
            () -> new Transition(state.to(MovePhase.MIGRATING), new MoveAction.StartMigration()));
  }

  /** The common checks of the steps before hand-off: a failed call, a cancel, a drift. */
  private Optional<Transition> beforeHandOff(MoveState state, Observation seen) {
    if (seen.lastCallFailure().isPresent()) {
      CallFailure failure = seen.lastCallFailure().get();
      return Optional.of(
          new Transition(state.ending(MovePhase.FAILED, failure.code(), failure.params()), FINISH));
    }
    if (seen.cancelRequested()) {
      return Optional.of(end(state, MovePhase.CANCELLED, USER_CANCELLED));
    }
    if (seen.whereabouts() != VmWhereabouts.ON_SOURCE_RUNNING) {
      return Optional.of(fromPending(state.to(MovePhase.PENDING), seen));
    }
    return Optional.empty();
  }

  /** The toolstack owns the move: follow its task; settle every failure by where the VM is. */
  private Transition fromMigrating(MoveState state, Observation seen) {
    if (seen.task().isEmpty()) {
      return seen.lastCallFailure()
          .map(failure -> startFailed(state, seen, failure))
          .orElseGet(() -> settle(state, seen, MIGRATION_CALL_LOST, ImmutableList.of()));
    }
    TaskView task = seen.task().get();
    return switch (task.state()) {
      case RUNNING ->
          seen.cancelRequested()
              ? new Transition(state, new MoveAction.CancelTask())
              : new Transition(state, new MoveAction.WatchTask());
      case SUCCEEDED -> verify(state.to(MovePhase.VERIFYING), seen);
      case CANCELLED -> settle(state, seen, USER_CANCELLED, ImmutableList.of());
      case FAILED ->
          task.errorCode().equals(TOO_MANY_STORAGE_MIGRATES)
                  && seen.whereabouts() == VmWhereabouts.ON_SOURCE_RUNNING
              ? waitForSlot(state)
              : settle(state, seen, task.errorCode(), task.errorInfo());
      case LOST -> settle(state, seen, MIGRATION_CALL_LOST, ImmutableList.of());
    };
  }

  /**
   * The migration call itself failed. An answer from xapi (not {@code maybeSent}) means nothing
   * started; a broken connection means it may have: then only the pools can tell.
   */
  private Transition startFailed(MoveState state, Observation seen, CallFailure failure) {
    if (failure.maybeSent()) {
      return settle(state, seen, MIGRATION_CALL_LOST, ImmutableList.of());
    }
    if (failure.code().equals(TOO_MANY_STORAGE_MIGRATES)) {
      return waitForSlot(state);
    }
    return new Transition(state.ending(MovePhase.FAILED, failure.code(), failure.params()), FINISH);
  }

  private Transition waitForSlot(MoveState state) {
    if (state.slotWaits() >= policy.maxSlotWaits()) {
      return end(state, MovePhase.FAILED, NO_MIGRATION_SLOT);
    }
    // Back to PENDING: the next attempt re-checks the VM and asks for a fresh receive token.
    return new Transition(state.waitingForSlot(), new MoveAction.WaitForSlot());
  }

  /** A handed-off move ended badly or unknowably: where the VM runs decides what happened. */
  private Transition settle(
      MoveState state, Observation seen, String code, ImmutableList<String> params) {
    return switch (seen.whereabouts()) {
      case ON_DESTINATION, ON_DESTINATION_OTHER_HOST -> verify(state.to(MovePhase.VERIFYING), seen);
      case ON_SOURCE_RUNNING, ON_SOURCE_OTHER_HOST ->
          new Transition(
              state.ending(
                  code.equals(USER_CANCELLED) ? MovePhase.CANCELLED : MovePhase.FAILED,
                  code,
                  params),
              FINISH);
      case ON_SOURCE_NOT_RUNNING ->
          new Transition(
              state.ending(MovePhase.RECOVERING, code, params), new MoveAction.RestartOnSource());
      case IN_BOTH_POOLS -> end(state, MovePhase.NEEDS_RECONCILE, VM_IN_BOTH_POOLS);
      case NOWHERE -> end(state, MovePhase.NEEDS_RECONCILE, VM_NOT_FOUND);
    };
  }

  /** After restarting a VM that a failed migration halted: it must run on its source again. */
  private Transition fromRecovering(MoveState state, Observation seen) {
    if (seen.whereabouts() == VmWhereabouts.ON_SOURCE_RUNNING) {
      return new Transition(
          state.ending(MovePhase.FAILED, state.outcomeCode(), state.outcomeParams()), FINISH);
    }
    return new Transition(
        state.ending(
            MovePhase.NEEDS_RECONCILE,
            RESTART_ON_SOURCE_FAILED,
            ImmutableList.of(state.outcomeCode())),
        FINISH);
  }

  /** On the destination: the VM runs, every VIF is attached with its MAC, disks are mapped. */
  private Transition verify(MoveState state, Observation seen) {
    boolean onPlannedHost = seen.whereabouts() == VmWhereabouts.ON_DESTINATION;
    if (!onPlannedHost && seen.whereabouts() != VmWhereabouts.ON_DESTINATION_OTHER_HOST) {
      return end(state, MovePhase.NEEDS_RECONCILE, NOT_ON_DESTINATION);
    }
    if (!seen.missingVifMacs().isEmpty()) {
      return new Transition(
          state.ending(MovePhase.NEEDS_RECONCILE, VIF_MISSING, seen.missingVifMacs()), FINISH);
    }
    if (!seen.detachedVifDevices().isEmpty()) {
      if (state.reattachAttempts() >= policy.maxReattachAttempts()) {
        return new Transition(
            state.ending(MovePhase.NEEDS_RECONCILE, VIF_REATTACH_FAILED, seen.detachedVifDevices()),
            FINISH);
      }
      return new Transition(
          state.reattaching(), new MoveAction.PlugVifs(seen.detachedVifDevices()));
    }
    boolean alreadyThere = state.outcomeCode().equals(ALREADY_ON_DESTINATION);
    MovePhase done = alreadyThere ? MovePhase.SKIPPED : MovePhase.SUCCEEDED;
    if (!seen.disksOffPlan().isEmpty()) {
      return new Transition(state.ending(done, DISKS_OFF_PLAN, seen.disksOffPlan()), FINISH);
    }
    if (!onPlannedHost) {
      return end(state, done, LANDED_ON_OTHER_HOST);
    }
    return new Transition(
        state.ending(done, alreadyThere ? ALREADY_ON_DESTINATION : "", ImmutableList.of()), FINISH);
  }

  private static Transition end(MoveState state, MovePhase phase, String code) {
    return new Transition(state.ending(phase, code, ImmutableList.of()), FINISH);
  }

  /** For tests and the journal: the action that a freshly loaded state resumes with. */
  public static MoveAction resumeAction(MoveState state) {
    return state.phase().isFinal() ? FINISH : OBSERVE;
  }
}

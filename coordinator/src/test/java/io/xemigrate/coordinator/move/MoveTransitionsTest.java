package io.xemigrate.coordinator.move;

import static io.xemigrate.coordinator.move.VmWhereabouts.IN_BOTH_POOLS;
import static io.xemigrate.coordinator.move.VmWhereabouts.NOWHERE;
import static io.xemigrate.coordinator.move.VmWhereabouts.ON_DESTINATION;
import static io.xemigrate.coordinator.move.VmWhereabouts.ON_DESTINATION_OTHER_HOST;
import static io.xemigrate.coordinator.move.VmWhereabouts.ON_SOURCE_NOT_RUNNING;
import static io.xemigrate.coordinator.move.VmWhereabouts.ON_SOURCE_OTHER_HOST;
import static io.xemigrate.coordinator.move.VmWhereabouts.ON_SOURCE_RUNNING;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import io.xemigrate.coordinator.move.Observation.CallFailure;
import io.xemigrate.coordinator.move.Observation.TaskView;
import java.util.EnumSet;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Phase × observation tables for the move state machine (KubeVirt's DescribeTable per phase). */
class MoveTransitionsTest {
  private static final String VM = "0b6e4a57-2e3b-4bfb-9c63-1d2f3a4b5c6d";
  private final MoveTransitions crossPool = new MoveTransitions(MovePolicy.defaults(true));
  private final MoveTransitions intraPool = new MoveTransitions(MovePolicy.defaults(false));

  private static Observation at(VmWhereabouts where) {
    return new Observation(
        where,
        Optional.empty(),
        ImmutableList.of(),
        ImmutableList.of(),
        ImmutableList.of(),
        Optional.empty(),
        false);
  }

  private static Observation withTask(VmWhereabouts where, TaskView.State state, String... error) {
    return new Observation(
        where,
        Optional.of(new TaskView(state, 0.5, ImmutableList.copyOf(error))),
        ImmutableList.of(),
        ImmutableList.of(),
        ImmutableList.of(),
        Optional.empty(),
        false);
  }

  private static Observation failedCall(VmWhereabouts where, String code, boolean maybeSent) {
    return new Observation(
        where,
        Optional.empty(),
        ImmutableList.of(),
        ImmutableList.of(),
        ImmutableList.of(),
        Optional.of(new CallFailure(code, ImmutableList.of("p1"), maybeSent)),
        false);
  }

  private static Observation cancelling(VmWhereabouts where, Optional<TaskView> task) {
    return new Observation(
        where,
        task,
        ImmutableList.of(),
        ImmutableList.of(),
        ImmutableList.of(),
        Optional.empty(),
        true);
  }

  private static Observation detached(String... devices) {
    return new Observation(
        ON_DESTINATION,
        Optional.empty(),
        ImmutableList.copyOf(devices),
        ImmutableList.of(),
        ImmutableList.of(),
        Optional.empty(),
        false);
  }

  private static MoveState in(MovePhase phase) {
    return MoveState.pending(VM).to(phase);
  }

  static Stream<Arguments> pendingRows() {
    return Stream.of(
        Arguments.of(ON_SOURCE_RUNNING, MovePhase.RECEIVING, MoveAction.MigrateReceive.class, ""),
        Arguments.of(
            ON_DESTINATION, MovePhase.SKIPPED, MoveAction.Finish.class, "ALREADY_ON_DESTINATION"),
        Arguments.of(
            ON_SOURCE_NOT_RUNNING,
            MovePhase.FAILED,
            MoveAction.Finish.class,
            "DRIFTED_NOT_RUNNING"),
        Arguments.of(
            ON_SOURCE_OTHER_HOST, MovePhase.FAILED, MoveAction.Finish.class, "DRIFTED_HOST"),
        Arguments.of(
            ON_DESTINATION_OTHER_HOST, MovePhase.FAILED, MoveAction.Finish.class, "DRIFTED_HOST"),
        Arguments.of(
            IN_BOTH_POOLS, MovePhase.NEEDS_RECONCILE, MoveAction.Finish.class, "VM_IN_BOTH_POOLS"),
        Arguments.of(NOWHERE, MovePhase.FAILED, MoveAction.Finish.class, "VM_NOT_FOUND"));
  }

  @ParameterizedTest(name = "PENDING, VM {0} -> {1}")
  @MethodSource("pendingRows")
  void pendingRechecksTheLiveState(
      VmWhereabouts where, MovePhase phase, Class<? extends MoveAction> action, String code) {
    Transition transition = crossPool.next(MoveState.pending(VM), at(where));

    assertThat(transition.next().phase()).isEqualTo(phase);
    assertThat(transition.action()).isInstanceOf(action);
    assertThat(transition.next().outcomeCode()).isEqualTo(code);
  }

  @Test
  void intraPoolMovesNeedNoReceiveToken() {
    Transition transition = intraPool.next(MoveState.pending(VM), at(ON_SOURCE_RUNNING));

    assertThat(transition.next().phase()).isEqualTo(MovePhase.VALIDATING);
    assertThat(transition.action()).isInstanceOf(MoveAction.AssertCanMigrate.class);
  }

  @Test
  void happyPathWalksEveryPhaseOnce() {
    MoveState state = MoveState.pending(VM);
    state = crossPool.next(state, at(ON_SOURCE_RUNNING)).next();
    assertThat(state.phase()).isEqualTo(MovePhase.RECEIVING);
    state = crossPool.next(state, at(ON_SOURCE_RUNNING)).next();
    assertThat(state.phase()).isEqualTo(MovePhase.VALIDATING);
    Transition start = crossPool.next(state, at(ON_SOURCE_RUNNING));
    assertThat(start.action()).isInstanceOf(MoveAction.StartMigration.class);
    state = start.next();
    assertThat(state.phase()).isEqualTo(MovePhase.MIGRATING);
    Transition watch = crossPool.next(state, withTask(ON_SOURCE_RUNNING, TaskView.State.RUNNING));
    assertThat(watch.action()).isInstanceOf(MoveAction.WatchTask.class);
    Transition done = crossPool.next(state, withTask(ON_DESTINATION, TaskView.State.SUCCEEDED));

    assertThat(done.next().phase()).isEqualTo(MovePhase.SUCCEEDED);
    assertThat(done.next().outcomeCode()).isEmpty();
    assertThat(done.action()).isInstanceOf(MoveAction.Finish.class);
  }

  @ParameterizedTest(name = "{0}: a refusal of the check fails the move cleanly")
  @EnumSource(
      value = MovePhase.class,
      names = {"RECEIVING", "VALIDATING"})
  void refusalBeforeHandOffFailsWithXapisCode(MovePhase phase) {
    Transition transition =
        crossPool.next(in(phase), failedCall(ON_SOURCE_RUNNING, "VM_REQUIRES_SR", false));

    assertThat(transition.next().phase()).isEqualTo(MovePhase.FAILED);
    assertThat(transition.next().outcomeCode()).isEqualTo("VM_REQUIRES_SR");
    assertThat(transition.next().outcomeParams()).containsExactly("p1");
  }

  @Test
  void tooManyStorageMigratesWaitsForASlotAndStartsAfresh() {
    Transition transition =
        crossPool.next(
            in(MovePhase.MIGRATING),
            failedCall(ON_SOURCE_RUNNING, "TOO_MANY_STORAGE_MIGRATES", false));

    assertThat(transition.action()).isInstanceOf(MoveAction.WaitForSlot.class);
    assertThat(transition.next().phase()).isEqualTo(MovePhase.PENDING);
    assertThat(transition.next().slotWaits()).isEqualTo(1);
  }

  @Test
  void slotWaitsAreBounded() {
    MoveTransitions patient = new MoveTransitions(new MovePolicy(true, 2, 3));
    MoveState state = in(MovePhase.MIGRATING);
    Observation full = failedCall(ON_SOURCE_RUNNING, "TOO_MANY_STORAGE_MIGRATES", false);
    for (int wait = 0; wait < 2; wait++) {
      state = patient.next(state, full).next().to(MovePhase.MIGRATING);
    }

    Transition last = patient.next(state, full);

    assertThat(last.next().phase()).isEqualTo(MovePhase.FAILED);
    assertThat(last.next().outcomeCode()).isEqualTo("NO_MIGRATION_SLOT");
  }

  @ParameterizedTest(name = "migration call lost, VM {0} -> {1}")
  @MethodSource("lostCallRows")
  void aMigrationCallThatMayHaveBeenSentIsNeverResent(VmWhereabouts where, MovePhase phase) {
    Transition transition =
        crossPool.next(in(MovePhase.MIGRATING), failedCall(where, "TRANSPORT_RESET", true));

    assertThat(transition.action()).isNotInstanceOf(MoveAction.StartMigration.class);
    assertThat(transition.next().phase()).isEqualTo(phase);
  }

  static Stream<Arguments> lostCallRows() {
    return Stream.of(
        Arguments.of(ON_DESTINATION, MovePhase.SUCCEEDED),
        Arguments.of(ON_SOURCE_RUNNING, MovePhase.FAILED),
        Arguments.of(ON_SOURCE_NOT_RUNNING, MovePhase.RECOVERING),
        Arguments.of(IN_BOTH_POOLS, MovePhase.NEEDS_RECONCILE),
        Arguments.of(NOWHERE, MovePhase.NEEDS_RECONCILE));
  }

  @Test
  void ambiguousHandshakeIsSettledByWhereTheVmRuns() {
    Transition transition =
        crossPool.next(
            in(MovePhase.MIGRATING),
            withTask(ON_DESTINATION, TaskView.State.FAILED, "INTERNAL_ERROR", "sync point 4"));

    assertThat(transition.next().phase()).isEqualTo(MovePhase.SUCCEEDED);
  }

  @Test
  void aVmHaltedByAFailedMigrationIsStartedAgainOnItsSource() {
    Transition failed =
        crossPool.next(
            in(MovePhase.MIGRATING),
            withTask(ON_SOURCE_NOT_RUNNING, TaskView.State.FAILED, "VM_MIGRATE_FAILED", "x"));
    assertThat(failed.action()).isInstanceOf(MoveAction.RestartOnSource.class);
    assertThat(failed.next().phase()).isEqualTo(MovePhase.RECOVERING);

    Transition recovered = crossPool.next(failed.next(), at(ON_SOURCE_RUNNING));

    assertThat(recovered.next().phase()).isEqualTo(MovePhase.FAILED);
    assertThat(recovered.next().outcomeCode()).isEqualTo("VM_MIGRATE_FAILED");
  }

  @Test
  void aFailedRestartNeedsReconciling() {
    MoveState recovering =
        in(MovePhase.MIGRATING)
            .ending(MovePhase.RECOVERING, "VM_MIGRATE_FAILED", ImmutableList.of());

    Transition transition = crossPool.next(recovering, at(ON_SOURCE_NOT_RUNNING));

    assertThat(transition.next().phase()).isEqualTo(MovePhase.NEEDS_RECONCILE);
    assertThat(transition.next().outcomeCode()).isEqualTo("RESTART_ON_SOURCE_FAILED");
  }

  @Test
  void cancelBeforeHandOffCancelsAtOnce() {
    Transition transition =
        crossPool.next(in(MovePhase.VALIDATING), cancelling(ON_SOURCE_RUNNING, Optional.empty()));

    assertThat(transition.next().phase()).isEqualTo(MovePhase.CANCELLED);
  }

  @Test
  void cancelAfterHandOffCancelsTheTaskThenObserves() {
    Optional<TaskView> running =
        Optional.of(new TaskView(TaskView.State.RUNNING, 0.3, ImmutableList.of()));

    Transition transition =
        crossPool.next(in(MovePhase.MIGRATING), cancelling(ON_SOURCE_RUNNING, running));

    assertThat(transition.action()).isInstanceOf(MoveAction.CancelTask.class);
    assertThat(transition.next().phase()).isEqualTo(MovePhase.MIGRATING);
  }

  @Test
  void aCancelledTaskLeavesTheVmOnItsSource() {
    Transition transition =
        crossPool.next(
            in(MovePhase.MIGRATING), withTask(ON_SOURCE_RUNNING, TaskView.State.CANCELLED));

    assertThat(transition.next().phase()).isEqualTo(MovePhase.CANCELLED);
  }

  @Test
  void detachedVifsArePluggedThenVerifiedAgain() {
    Transition plug = crossPool.next(in(MovePhase.VERIFYING), detached("0", "2"));
    assertThat(plug.action()).isEqualTo(new MoveAction.PlugVifs(ImmutableList.of("0", "2")));
    assertThat(plug.next().phase()).isEqualTo(MovePhase.REATTACHING);

    Transition verified = crossPool.next(plug.next(), at(ON_DESTINATION));

    assertThat(verified.next().phase()).isEqualTo(MovePhase.SUCCEEDED);
  }

  @Test
  void vifsThatStayDetachedAreNeverReportedAsSuccess() {
    MoveTransitions once = new MoveTransitions(new MovePolicy(true, 20, 1));
    MoveState state = once.next(in(MovePhase.VERIFYING), detached("1")).next();

    Transition transition = once.next(state, detached("1"));

    assertThat(transition.next().phase()).isEqualTo(MovePhase.NEEDS_RECONCILE);
    assertThat(transition.next().outcomeCode()).isEqualTo("VIF_REATTACH_FAILED");
    assertThat(transition.next().outcomeParams()).containsExactly("1");
  }

  @Test
  void finalPhasesOnlyFinish() {
    for (MovePhase phase : EnumSet.allOf(MovePhase.class)) {
      if (phase.isFinal()) {
        Transition transition = crossPool.next(in(phase), at(ON_SOURCE_RUNNING));
        assertThat(transition.action()).isInstanceOf(MoveAction.Finish.class);
        assertThat(transition.next().phase()).isEqualTo(phase);
      }
    }
  }

  @Test
  void noPhaseBeforeHandOffEverSendsTheMigrationTwice() {
    // Whatever is observed while MIGRATING, the answer is never a second StartMigration.
    for (VmWhereabouts where : VmWhereabouts.values()) {
      for (TaskView.State state : TaskView.State.values()) {
        Transition transition =
            crossPool.next(in(MovePhase.MIGRATING), withTask(where, state, "X"));
        assertThat(transition.action()).isNotInstanceOf(MoveAction.StartMigration.class);
      }
    }
  }
}

package io.xemigrate.coordinator.run;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.xemigrate.coordinator.journal.CompletedMove;
import io.xemigrate.coordinator.journal.StepRecord.Stage;
import io.xemigrate.coordinator.move.MoveAction;
import io.xemigrate.coordinator.move.MovePhase;
import io.xemigrate.coordinator.move.MovePolicy;
import io.xemigrate.coordinator.move.MoveState;
import io.xemigrate.coordinator.move.MoveTransitions;
import io.xemigrate.coordinator.move.Observation;
import io.xemigrate.coordinator.move.Observation.CallFailure;
import io.xemigrate.coordinator.move.Observation.TaskView;
import io.xemigrate.coordinator.move.Transition;
import io.xemigrate.planner.MigrationMethod;
import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.xapi.MigrateReceiveToken;
import io.xemigrate.xapi.MigrationSpec;
import io.xemigrate.xapi.TaskHandle;
import io.xemigrate.xapi.XapiErrors;
import io.xemigrate.xapi.XapiException;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.Task;
import io.xemigrate.xapi.model.Vif;
import io.xemigrate.xapi.model.Vm;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Runs one move: observe both pools, call {@link MoveTransitions#next}, journal the intent, run the
 * one action, journal its completion, repeat until a final phase. The receive token lives only in
 * this object's field and is closed when the move ends; it never reaches the journal or a log.
 */
final class MoveRunner {
  /** Longest wait for a toolstack to finish a migration whose task was lost: 2 virtual hours. */
  private static final int QUIET_ROUNDS = 1440;

  /** Pool changes within which a migration whose call's answer was lost must show up. */
  private static final int LOST_CALL_GRACE_ROUNDS = 3;

  private final RunContext run;
  private final MovePlan move;
  private final boolean needsReceive;
  private final MoveTransitions transitions;
  private MoveState state;
  private MigrateReceiveToken token;
  private TaskHandle handle;
  private Optional<TaskView> task = Optional.empty();
  private Optional<CallFailure> failure = Optional.empty();
  private Optional<Duration> migrationTook = Optional.empty();

  MoveRunner(RunContext run, MovePlan move, MoveState start, boolean intraPool) {
    this.run = run;
    this.move = move;
    this.needsReceive = !intraPool || move.method() == MigrationMethod.MIGRATE_SEND;
    this.transitions = new MoveTransitions(MovePolicy.defaults(needsReceive));
    this.state = start;
  }

  MoveResult run() {
    Instant started = run.clock().instant();
    run.listener().moveStarted(move);
    try {
      if (state.phase().isHandedOff() || state.phase() == MovePhase.RECOVERING) {
        // Resumed after a crash while the toolstack owned the move: let it finish first.
        awaitQuiet();
      }
      while (true) {
        run.listener().observing(move, state);
        Observation seen =
            Observations.of(
                move,
                run.source().fresh(),
                run.destination().fresh(),
                task,
                failure,
                run.cancel().get());
        failure = Optional.empty();
        Transition transition = transitions.next(state, seen);
        boolean changed = !transition.next().equals(state);
        state = transition.next();
        if (changed) {
          run.listener().phaseChanged(move, state);
        }
        MoveAction action = transition.action();
        if (action instanceof MoveAction.Finish || action instanceof MoveAction.Observe) {
          MoveState saved = state;
          run.write(() -> run.journal().saveMove(run.runId(), saved));
          if (action instanceof MoveAction.Finish) {
            break;
          }
          continue;
        }
        String name = action.getClass().getSimpleName();
        MoveState intended = state;
        long step = run.writeAndGet(() -> run.journal().intend(run.runId(), intended, name));
        run.listener().actionStarting(move, intended, action);
        execute(action);
        Stage stage = failure.isPresent() ? Stage.FAILED : Stage.DONE;
        String detail = failure.map(CallFailure::code).orElse("");
        run.write(() -> run.journal().complete(step, run.runId(), intended, stage, detail));
      }
    } finally {
      closeToken();
    }
    double seconds = Duration.between(started, run.clock().instant()).toNanos() / 1e9;
    if (state.phase() == MovePhase.SUCCEEDED) {
      CompletedMove completed =
          new CompletedMove(
              run.runId(),
              move.vmUuid(),
              move.sourceHostUuid(),
              move.destinationHostUuid(),
              move.bytesToCopy() + memoryOf(run.destination().fresh()),
              // The migration alone as xapi's task timed it; the whole move when the task is lost.
              migrationTook.map(took -> took.toMillis() / 1e3).orElse(seconds),
              // xapi reports no downtime: unknown, never 0 (the calibration must not learn 0 ms).
              OptionalDouble.empty());
      run.write(() -> run.journal().recordCompleted(completed));
    }
    MoveResult result =
        new MoveResult(
            move.vmUuid(),
            move.vmName(),
            state.phase(),
            state.outcomeCode(),
            state.outcomeParams(),
            seconds);
    run.listener().moveFinished(move, result);
    return result;
  }

  /**
   * The populated memory pre-copy sent at least once (the first full pass), read on the destination
   * where the VM now runs: with the disk bytes it makes the journal's bytes figure.
   */
  private long memoryOf(PoolInventory destination) {
    return destination
        .vm(move.vmUuid())
        .map(vm -> vm.memoryActual() > 0 ? vm.memoryActual() : vm.memory().dynamicMax())
        .orElse(0L);
  }

  private void execute(MoveAction action) {
    try {
      if (action instanceof MoveAction.MigrateReceive) {
        closeToken();
        token =
            run.destination()
                .client()
                .migrateReceive(move.destinationHostUuid(), move.transferNetworkUuid());
      } else if (action instanceof MoveAction.AssertCanMigrate) {
        if (needsReceive) {
          run.source().client().assertCanMigrate(spec(), token);
        }
      } else if (action instanceof MoveAction.StartMigration) {
        startMigration();
      } else if (action instanceof MoveAction.WatchTask) {
        watch(run.cancel()::get);
      } else if (action instanceof MoveAction.CancelTask) {
        run.source().client().cancelTask(handle);
        watch(() -> false);
      } else if (action instanceof MoveAction.WaitForSlot) {
        closeToken();
        handle = null;
        task = Optional.empty();
        run.slots().awaitRelease(move.sourceHostUuid(), run.options().slotPatience());
      } else if (action instanceof MoveAction.PlugVifs plug) {
        plug(plug.devices());
      } else if (action instanceof MoveAction.RestartOnSource) {
        TaskHandle start = run.source().client().startVm(move.vmUuid(), move.sourceHostUuid());
        run.source().client().awaitTask(start, p -> {}, () -> false, run.options().taskWait());
      }
    } catch (XapiException e) {
      failure = Optional.of(new CallFailure(e.code(), e.parameters(), maybeSent(e)));
      if (action instanceof MoveAction.StartMigration && maybeSent(e)) {
        awaitLostCall();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = Optional.of(new CallFailure("XE_INTERRUPTED", ImmutableList.of(), true));
    }
  }

  private void startMigration() {
    task = Optional.empty();
    run.progress().migrationCalled(move.vmUuid());
    handle =
        needsReceive
            ? run.source().client().migrateSend(spec(), token)
            : run.source()
                .client()
                .poolMigrate(
                    move.vmUuid(), move.destinationHostUuid(), ImmutableMap.of("live", "true"));
    task = Optional.of(new TaskView(TaskView.State.RUNNING, 0, ImmutableList.of()));
  }

  private void watch(io.xemigrate.xapi.CancellationSignal cancel) {
    try {
      Task ended =
          run.source()
              .client()
              .awaitTask(
                  handle,
                  fraction -> {
                    run.listener().progress(move, fraction, 0);
                    run.progress().progress(move.vmUuid(), fraction);
                  },
                  cancel,
                  run.options().taskWait());
      task = Optional.of(view(ended));
      if (ended.status() == Task.Status.SUCCESS) {
        migrationTook = ended.duration();
      }
    } catch (XapiException e) {
      // The task is gone (toolstack restart, new master): the migration may carry on without it.
      task = Optional.of(new TaskView(TaskView.State.LOST, 0, ImmutableList.of(e.code())));
      awaitQuiet();
    }
  }

  private static TaskView view(Task ended) {
    TaskView.State state =
        switch (ended.status()) {
          case SUCCESS -> TaskView.State.SUCCEEDED;
          case FAILURE -> TaskView.State.FAILED;
          case CANCELLED -> TaskView.State.CANCELLED;
          case PENDING, CANCELLING -> TaskView.State.RUNNING;
        };
    return new TaskView(state, ended.progress(), ended.errorInfo());
  }

  /**
   * The answer to a migration call was lost: xapi may have started it. Its task runs the call on
   * another thread, so the VM may show the migration only a moment later: give it a few pool
   * changes (each wait at most 5 s) to appear, then wait for it to end. Observing at once would
   * find the VM still on its source and call the move failed while it migrates.
   */
  private void awaitLostCall() {
    for (int round = 0;
        round < LOST_CALL_GRACE_ROUNDS && !migrating(run.source().fresh());
        round++) {
      run.source().awaitChange(Duration.ofSeconds(5));
    }
    awaitQuiet();
  }

  private boolean migrating(PoolInventory source) {
    return source
        .vm(move.vmUuid())
        .map(v -> v.currentOperations().values().stream().anyMatch(op -> op.contains("migrate")))
        .orElse(false);
  }

  /** Waits until the source shows no migration of the VM under way (or the VM left the pool). */
  private void awaitQuiet() {
    for (int round = 0; round < QUIET_ROUNDS; round++) {
      if (!migrating(run.source().fresh())) {
        return;
      }
      run.source().awaitChange(Duration.ofSeconds(5));
    }
  }

  private void plug(ImmutableList<String> devices) {
    PoolInventory destination = run.destination().fresh();
    Optional<Vm> vm = destination.vm(move.vmUuid());
    if (vm.isEmpty()) {
      return;
    }
    for (Vif vif : destination.vifsOf(vm.get())) {
      if (devices.contains(vif.device()) && !vif.currentlyAttached()) {
        try {
          run.destination().client().plugVif(vif.uuid());
        } catch (XapiException e) {
          // The next verification sees the VIF still detached and counts the attempt.
        }
      }
    }
  }

  private MigrationSpec spec() {
    ImmutableMap.Builder<String, String> vdis = ImmutableMap.builder();
    move.disks().forEach(disk -> vdis.put(disk.vdiUuid(), disk.destinationSrUuid()));
    ImmutableMap.Builder<String, String> vifs = ImmutableMap.builder();
    move.nics().forEach(nic -> vifs.put(nic.vifUuid(), nic.destinationNetworkUuid()));
    return new MigrationSpec(
        move.vmUuid(), true, vdis.buildKeepingLast(), vifs.buildKeepingLast(), ImmutableMap.of());
  }

  private static boolean maybeSent(XapiException e) {
    return e.is(XapiErrors.OUTCOME_UNKNOWN) || e.is(XapiErrors.TRANSPORT);
  }

  private void closeToken() {
    if (token != null) {
      token.close();
      token = null;
    }
  }
}

package io.xemigrate.tests.coordinator;

import io.xemigrate.coordinator.move.MoveAction;
import io.xemigrate.coordinator.move.MoveState;
import io.xemigrate.coordinator.run.RunListener;
import io.xemigrate.planner.plan.MovePlan;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fires a fault once, on the victim move's own thread, when that move reaches a {@link MatrixStep}:
 * the coordinator's listener seam, so the fault lands at an exact step rather than at some moment
 * of wall time.
 */
final class FaultTrigger implements RunListener {
  private final String victimUuid;
  private final MatrixStep step;
  private final Runnable fault;
  private final AtomicBoolean fired = new AtomicBoolean();
  private final AtomicBoolean watched = new AtomicBoolean();

  FaultTrigger(String victimUuid, MatrixStep step, Runnable fault) {
    this.victimUuid = victimUuid;
    this.step = step;
    this.fault = fault;
  }

  @Override
  public void actionStarting(MovePlan move, MoveState state, MoveAction action) {
    if (!move.vmUuid().equals(victimUuid)) {
      return;
    }
    if (action instanceof MoveAction.WatchTask) {
      watched.set(true);
    }
    if (step.startsWith(action)) {
      fire();
    }
  }

  @Override
  public void observing(MovePlan move, MoveState state) {
    // The first observation after the task was followed to its end is the verification.
    if (move.vmUuid().equals(victimUuid) && step == MatrixStep.DURING_VERIFYING && watched.get()) {
      fire();
    }
  }

  private void fire() {
    if (fired.compareAndSet(false, true)) {
      fault.run();
    }
  }

  /** Whether the victim reached the step (a cell that never fires tests nothing). */
  boolean fired() {
    return fired.get();
  }
}

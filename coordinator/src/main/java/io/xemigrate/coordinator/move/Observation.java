package io.xemigrate.coordinator.move;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * What the coordinator read from both pools just before a step: the input of {@link
 * MoveTransitions#next}. Built by the run loop; the transition function reads nothing else.
 *
 * @param whereabouts where the VM is
 * @param task the move's task, when one was started
 * @param detachedVifDevices on the destination, VIF devices that exist but are not attached
 * @param missingVifMacs MACs the plan expects on the destination that no VIF carries
 * @param disksOffPlan disks (VDI UUIDs) that are not on their mapped SR
 * @param lastCallFailure the error of the action the loop just ran, if it failed
 * @param cancelRequested whether the user asked to cancel
 */
public record Observation(
    VmWhereabouts whereabouts,
    Optional<TaskView> task,
    ImmutableList<String> detachedVifDevices,
    ImmutableList<String> missingVifMacs,
    ImmutableList<String> disksOffPlan,
    Optional<CallFailure> lastCallFailure,
    boolean cancelRequested) {

  /** A task as the coordinator needs it: its state and, on failure, its error. */
  public record TaskView(State state, double progress, ImmutableList<String> errorInfo) {
    /** The task states that matter to the coordinator. */
    public enum State {
      RUNNING,
      SUCCEEDED,
      FAILED,
      CANCELLED,
      /** The task reference is gone: the toolstack restarted or the master changed. */
      LOST
    }

    /** The xapi error code, or {@code ""}. */
    public String errorCode() {
      return errorInfo.isEmpty() ? "" : errorInfo.get(0);
    }
  }

  /**
   * A failed call: its xapi code and parameters, and whether the request may have reached the
   * server (for calls that move a VM this forbids sending it again).
   */
  public record CallFailure(String code, ImmutableList<String> params, boolean maybeSent) {}
}

package io.xemigrate.planner.schedule;

import io.xemigrate.planner.predict.MoveDemand;
import io.xemigrate.planner.predict.PrecopyModel;

/**
 * The state of one running move inside the simulation. Mutable, and private to it: the simulation
 * advances every running move by the same time step.
 */
final class ActiveMove {
  final int index;
  final MoveDemand move;
  final double startSeconds;
  MovePhase phase = MovePhase.SETUP;

  /** Seconds left for a fixed step; wire bytes left for a transfer. */
  double remaining;

  /** Wire bytes the current transfer started with (for the rounding tolerance). */
  double phaseSize;

  int diskIndex;
  int liveRoundsDone;
  double roundElapsed;
  double pausedSince;
  double downtime;
  boolean converged;
  double bytesSent;
  double rate;

  private final PrecopyModel model;
  private final double diskSetupSeconds;

  /** What a step change means for the link shares. */
  enum Outcome {
    /** The next step crosses the same resources at the same rate (a live round after another). */
    SAME_FLOW,
    /** The move started, stopped or changed its transfer: the shares must be recomputed. */
    FLOWS_CHANGED,
    /** The switch-over ended: the move is done. */
    FINISHED
  }

  ActiveMove(
      int index,
      MoveDemand move,
      double startSeconds,
      PrecopyModel model,
      double diskSetupSeconds) {
    this.index = index;
    this.move = move;
    this.startSeconds = startSeconds;
    this.model = model;
    this.diskSetupSeconds = diskSetupSeconds;
    this.remaining = model.setupSecondsFor(move.crossPool());
  }

  /**
   * Moves on from the step that just ended, at virtual time {@code now}: the stop rules decide
   * after each live round whether another live round or the paused round follows.
   */
  Outcome nextStep(double now) {
    if (phase.transfers()) {
      bytesSent += Math.max(0, remaining);
      remaining = 0;
    }
    return switch (phase) {
      case SETUP -> beginDiskOrMemory(0);
      case DISK_SETUP -> {
        beginTransfer(MovePhase.DISK_COPY, move.disks().get(diskIndex).bytesToCopy());
        yield Outcome.FLOWS_CHANGED;
      }
      case DISK_COPY -> beginDiskOrMemory(diskIndex + 1);
      case LIVE_ROUND -> {
        liveRoundsDone++;
        double next = move.dirty().dirtiedDuring(roundElapsed, move.memoryPopulatedBytes());
        roundElapsed = 0;
        if (model.stopsLive(liveRoundsDone, next)) {
          converged = model.isUnderThreshold(next);
          pausedSince = now;
          beginTransfer(MovePhase.PAUSED_ROUND, model.wireBytes(next));
        } else {
          beginTransfer(MovePhase.LIVE_ROUND, model.wireBytes(next));
        }
        yield Outcome.SAME_FLOW;
      }
      case PAUSED_ROUND -> {
        downtime = now - pausedSince + model.switchOverSeconds();
        beginFixed(MovePhase.SWITCH_OVER, model.switchOverSeconds());
        yield Outcome.FLOWS_CHANGED;
      }
      case SWITCH_OVER -> Outcome.FINISHED;
    };
  }

  private Outcome beginDiskOrMemory(int nextDisk) {
    diskIndex = nextDisk;
    if (nextDisk < move.disks().size()) {
      beginFixed(MovePhase.DISK_SETUP, diskSetupSeconds);
    } else {
      roundElapsed = 0;
      beginTransfer(MovePhase.LIVE_ROUND, model.wireBytes(move.memoryPopulatedBytes()));
    }
    return Outcome.FLOWS_CHANGED;
  }

  /** Whether the current step is over (within rounding). */
  boolean stepDone() {
    if (phase.transfers()) {
      return remaining <= 1e-9 * phaseSize + 1e-6;
    }
    return remaining <= 1e-12;
  }

  /** Seconds until the current step ends at the current rate. */
  double secondsToStepEnd() {
    if (!phase.transfers()) {
      return Math.max(0, remaining);
    }
    return rate > 0 ? Math.max(0, remaining) / rate : Double.POSITIVE_INFINITY;
  }

  /** Moves the state {@code seconds} forward. */
  void advance(double seconds) {
    if (phase.transfers()) {
      double sent = Math.min(remaining, rate * seconds);
      remaining -= sent;
      bytesSent += sent;
    } else {
      remaining -= seconds;
    }
    if (phase == MovePhase.LIVE_ROUND) {
      roundElapsed += seconds;
    }
  }

  private void beginTransfer(MovePhase next, double wireBytes) {
    phase = next;
    remaining = wireBytes;
    phaseSize = wireBytes;
  }

  private void beginFixed(MovePhase next, double seconds) {
    phase = next;
    remaining = seconds;
    phaseSize = 0;
  }
}

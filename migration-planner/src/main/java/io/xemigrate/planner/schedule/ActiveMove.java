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

  ActiveMove(int index, MoveDemand move, double startSeconds, PrecopyModel model) {
    this.index = index;
    this.move = move;
    this.startSeconds = startSeconds;
    this.remaining = model.setupSecondsFor(move.crossPool());
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

  void beginTransfer(MovePhase next, double wireBytes) {
    phase = next;
    remaining = wireBytes;
    phaseSize = wireBytes;
  }

  void beginFixed(MovePhase next, double seconds) {
    phase = next;
    remaining = seconds;
    phaseSize = 0;
  }
}

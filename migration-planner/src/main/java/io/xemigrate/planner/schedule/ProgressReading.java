package io.xemigrate.planner.schedule;

import java.util.OptionalDouble;

/**
 * What a running move's task progress says about its length, and whether that departs from what the
 * run expects of it. Time is data here: seconds since the move's migration call, read from the
 * run's clock by the caller.
 *
 * <p>xapi's task progress runs 0 to 1 over the disks, then 0 to 1 again over memory (a move without
 * disks has only the memory run), and emu-manager reports pre-copy from the pages sent and still to
 * send, crediting part of a running round, so progress is ahead of time early in a run and slows
 * when rounds grow (docs/migration-model.md#online-re-planning). Extrapolating the current run
 * linearly therefore <em>underestimates</em> the move; with the elapsed time itself (a move lasts
 * at least as long as it has run) it gives a lower estimate of the whole move, and a move found
 * slower than expected by that estimate is slower for certain. A faster move needs no re-plan: its
 * end frees its slot, and the moves waiting for it start then.
 *
 * @param elapsedSeconds since the migration call
 * @param runStartSeconds when the task's current 0-to-1 run began, since the call (0 for the first)
 * @param fraction the task's progress within that run, 0 to 1
 */
public record ProgressReading(double elapsedSeconds, double runStartSeconds, double fraction) {

  /** A move departs when its lower estimate exceeds what the run expects of it by this share. */
  public static final double TOLERANCE = 0.25;

  /** ... and by at least this many seconds: a few seconds are the poll's noise, not news. */
  public static final double FLOOR_SECONDS = 30;

  /** Below this progress a run has not shown its pace (set-up and the first pages dominate). */
  public static final double MIN_FRACTION = 0.5;

  /**
   * The lower estimate of the whole move, seconds from the call: the elapsed time, or the current
   * run extrapolated at its pace so far once it has reached {@link #MIN_FRACTION}.
   */
  public double lowerEstimateSeconds() {
    double runSeconds = elapsedSeconds - runStartSeconds;
    OptionalDouble extrapolated =
        fraction >= MIN_FRACTION && runSeconds > 0
            ? OptionalDouble.of(runStartSeconds + runSeconds / Math.min(1.0, fraction))
            : OptionalDouble.empty();
    return Math.max(elapsedSeconds, extrapolated.orElse(0));
  }

  /**
   * Whether the move departs from {@code expectedSeconds} (the plan's duration, or the estimate of
   * the last re-plan): its lower estimate is more than {@link #TOLERANCE} and at least {@link
   * #FLOOR_SECONDS} above it.
   */
  public boolean departsFrom(double expectedSeconds) {
    double estimate = lowerEstimateSeconds();
    return estimate > expectedSeconds * (1 + TOLERANCE)
        && estimate - expectedSeconds >= FLOOR_SECONDS;
  }
}

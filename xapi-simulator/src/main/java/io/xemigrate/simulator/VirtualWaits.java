package io.xemigrate.simulator;

import java.time.Duration;

/**
 * Turns virtual durations into real waits. With a running clock a virtual wait lasts {@code virtual
 * / speed} of real time. With a manual clock (tests) nothing advances on its own, so a short fixed
 * delay (xapi's deliberate pause after a failed login, event batching) is skipped, and a deadline
 * is polled in small real steps while the test moves the clock.
 */
public final class VirtualWaits {
  /** How often a waiter re-reads a manual clock. */
  public static final Duration MANUAL_POLL = Duration.ofMillis(20);

  private VirtualWaits() {}

  /** The real time a virtual {@code duration} takes; zero on a manual clock. */
  public static Duration real(VirtualClock clock, Duration duration) {
    if (clock.speed() <= 0) {
      return Duration.ZERO;
    }
    return Duration.ofNanos((long) (duration.toNanos() / clock.speed()));
  }

  /** Sleeps for a fixed virtual delay (skipped on a manual clock). */
  public static void pause(VirtualClock clock, Duration duration) throws InterruptedException {
    Duration real = real(clock, duration);
    if (!real.isZero()) {
      Thread.sleep(real.toMillis(), real.toNanosPart() % 1_000_000);
    }
  }

  /**
   * How long to wait in real time for a virtual deadline {@code remaining} away: the exact real
   * equivalent on a running clock, a short poll on a manual one.
   */
  public static Duration untilDeadline(VirtualClock clock, Duration remaining) {
    if (clock.speed() <= 0) {
      return MANUAL_POLL;
    }
    return real(clock, remaining);
  }
}

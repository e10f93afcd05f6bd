package io.xemigrate.simulator;

import java.time.Duration;

/**
 * The simulator's one clock. It runs at {@code speed} times real time from a real time source, or
 * is stepped by hand when the speed is zero (tests). All physics reads this clock, never the wall
 * clock directly.
 */
public final class VirtualClock {
  /** A source of real elapsed nanoseconds; {@link System#nanoTime} in production. */
  @FunctionalInterface
  public interface NanoSource {
    long nanos();
  }

  private final NanoSource source;
  private final double speed;
  private final long startRealNanos;
  private long manualNanos;

  private VirtualClock(NanoSource source, double speed) {
    this.source = source;
    this.speed = speed;
    this.startRealNanos = source.nanos();
  }

  /** A clock that runs {@code speed} times faster than real time. */
  public static VirtualClock running(double speed) {
    if (!(speed > 0)) {
      throw new IllegalArgumentException("speed must be positive, was " + speed);
    }
    return new VirtualClock(System::nanoTime, speed);
  }

  /** A clock that only moves when {@link #advance} is called. */
  public static VirtualClock manual() {
    return new VirtualClock(() -> 0L, 0);
  }

  /** Virtual nanoseconds since the simulator started. */
  public synchronized long nanos() {
    long real = (long) ((source.nanos() - startRealNanos) * speed);
    return real + manualNanos;
  }

  /** Moves the clock forward by hand. */
  public synchronized void advance(Duration step) {
    if (step.isNegative()) {
      throw new IllegalArgumentException("cannot move the clock backwards: " + step);
    }
    manualNanos += step.toNanos();
  }

  public double speed() {
    return speed;
  }
}

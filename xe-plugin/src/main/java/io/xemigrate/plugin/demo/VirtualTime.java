package io.xemigrate.plugin.demo;

import io.xemigrate.simulator.VirtualClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The simulator's virtual clock as a {@link Clock}, so the run measures simulated durations. */
final class VirtualTime extends Clock {
  private final VirtualClock clock;
  private final Instant epoch;

  VirtualTime(VirtualClock clock, Instant epoch) {
    this.clock = clock;
    this.epoch = epoch;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return epoch.plusNanos(clock.nanos());
  }
}

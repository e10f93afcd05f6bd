package io.xemigrate.tests.daemon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock the test moves. With {@code step}, every read also advances it by that much, so that
 * instants recorded one after the other (lease holdings, run starts and ends) are ordered as they
 * happened while the test still decides where time stands.
 */
final class TestClock extends Clock {
  private final AtomicLong nanos;
  private final long step;

  TestClock(Instant start, Duration step) {
    this.nanos = new AtomicLong(start.getEpochSecond() * 1_000_000_000L + start.getNano());
    this.step = step.toNanos();
  }

  void set(Instant instant) {
    nanos.set(instant.getEpochSecond() * 1_000_000_000L + instant.getNano());
  }

  @Override
  public Instant instant() {
    long now = nanos.getAndAdd(step);
    return Instant.ofEpochSecond(0, now);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}

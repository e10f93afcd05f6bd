package io.xemigrate.xapi;

import java.time.Duration;
import java.util.Random;

/**
 * How calls that are safe to repeat are retried: at most {@code maxAttempts} attempts, waiting
 * {@code base * 2^(attempt-1)} capped at {@code cap}, each wait scaled by a jitter factor in [0.5,
 * 1) drawn from a generator seeded with {@code seed} (so a test run is reproducible).
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration cap, long seed) {

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  /** Four attempts, 200 ms doubling, capped at 5 s. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(5), 1L);
  }

  /** A fresh generator for the jitter of one client. */
  public Random newJitter() {
    return new Random(seed);
  }

  /** The wait before attempt {@code failedAttempt + 1}. */
  public Duration delayAfter(int failedAttempt, Random jitter) {
    long exponential = base.toMillis() << Math.min(failedAttempt - 1, 20);
    long capped = Math.min(cap.toMillis(), exponential);
    return Duration.ofMillis((long) (capped * (0.5 + jitter.nextDouble() / 2)));
  }
}

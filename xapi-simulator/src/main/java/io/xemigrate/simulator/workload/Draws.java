package io.xemigrate.simulator.workload;

import io.xemigrate.simulator.scenario.WorkloadSpec.Spread;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Deterministic randomness: every draw comes from the scenario's seed mixed with the name of what
 * is drawn, so one VM's figures do not change when another VM is added to the scenario.
 */
public final class Draws {
  private Draws() {}

  /** A random source for {@code name} under {@code seed}. */
  static SplittableRandom source(long seed, String name) {
    return new SplittableRandom(mix(seed, name));
  }

  /** A value of {@code spread}: {@code median * exp(spread * N(0, 1))}. */
  static double draw(Spread spread, SplittableRandom random) {
    double median = spread.median() == null ? 0 : spread.median();
    double sigma = spread.spread() == null ? 0 : spread.spread();
    return median * Math.exp(sigma * random.nextGaussian());
  }

  /** A uniform number in [0, 1) that depends only on its arguments (noise and burst offsets). */
  public static double uniform(long seed, long index) {
    long z = seed + index * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return (z >>> 11) * 0x1.0p-53;
  }

  /** A standard normal number that depends only on its arguments (Box-Muller on two uniforms). */
  public static double gaussian(long seed, long index) {
    double u = Math.max(uniform(seed, 2 * index), 1e-12);
    double v = uniform(seed, 2 * index + 1);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  static long mix(long seed, String name) {
    long h = seed * 0x9E3779B97F4A7C15L;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ b) * 0x100000001B3L;
    }
    return h ^ (h >>> 29);
  }
}

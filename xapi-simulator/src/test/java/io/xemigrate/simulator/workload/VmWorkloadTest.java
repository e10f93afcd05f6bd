package io.xemigrate.simulator.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The hidden workload process: bursts, drift, the working-set cap, determinism. */
class VmWorkloadTest {
  private static final long S = 1_000_000_000L;
  private static final long GIB = 1L << 30;

  /** 100 MB/s base, bursts x3 for 20 s in every 300 s, drift 20 % over an hour. */
  private static VmWorkload workload(long seed) {
    return new VmWorkload(
        "test", seed, 100e6, 2 * GIB, 10e6, 5e6, 0.3, 1e6, 0.5, 3.0, 300 * S, 20 * S, 0.2,
        3600 * S);
  }

  @Test
  void theRateVariesInTimeAroundItsBase() {
    VmWorkload w = workload(7);
    double lowest = Double.MAX_VALUE;
    double highest = 0;
    for (long t = 0; t < 3600; t += 5) {
      double rate = w.dirtyRateAt(t * S);
      lowest = Math.min(lowest, rate);
      highest = Math.max(highest, rate);
    }
    assertThat(lowest).isLessThan(95e6).isGreaterThan(75e6);
    assertThat(highest).isGreaterThan(2.5 * 100e6);
  }

  @Test
  void aBurstWindowDirtiesMoreThanAQuietOne() {
    VmWorkload w = workload(7);
    long burstAt = -1;
    long quietAt = -1;
    for (long t = 0; t < 600 && (burstAt < 0 || quietAt < 0); t++) {
      double ratio = w.dirtyRateAt(t * S) / w.meanDirtyRate(t * S - 60 * S, t * S + 60 * S);
      if (ratio > 2 && burstAt < 0) {
        burstAt = t;
      }
      if (w.intensityAt(t * S) < 1.3 && quietAt < 0 && burstAt >= 0 && t > burstAt + 30) {
        quietAt = t;
      }
    }
    assertThat(burstAt).isNotNegative();
    double inBurst = w.dirtiedBetween(burstAt * S, (burstAt + 5) * S, Long.MAX_VALUE);
    double quiet = w.dirtiedBetween(quietAt * S, (quietAt + 5) * S, Long.MAX_VALUE);
    assertThat(inBurst).isGreaterThan(2 * quiet);
  }

  @Test
  void overLongWindowsTheMeanIsTheExpectedOne() {
    VmWorkload w = workload(3);
    double expected = 100e6 * (1 + 2.0 * 20 / 300);
    assertThat(w.meanDirtyRate(0, 36_000 * S)).isCloseTo(expected, within(expected * 0.05));
  }

  @Test
  void distinctDirtiedMemoryLevelsOffAtTheWorkingSetAndMemory() {
    VmWorkload w = workload(3);
    assertThat(w.dirtiedBetween(0, 600 * S, Long.MAX_VALUE)).isEqualTo(2.0 * GIB);
    assertThat(w.dirtiedBetween(0, 600 * S, GIB)).isEqualTo((double) GIB);
    assertThat(w.dirtiedBetween(10 * S, 10 * S, GIB)).isZero();
  }

  @Test
  void theSameSeedGivesTheSameProcessAndAnotherSeedAnother() {
    assertThat(workload(5).dirtyRateAt(1234 * S)).isEqualTo(workload(5).dirtyRateAt(1234 * S));
    double[] a = new double[50];
    double[] b = new double[50];
    for (int i = 0; i < 50; i++) {
      a[i] = workload(5).dirtyRateAt(i * 60 * S);
      b[i] = workload(6).dirtyRateAt(i * 60 * S);
    }
    assertThat(a).isNotEqualTo(b);
  }
}

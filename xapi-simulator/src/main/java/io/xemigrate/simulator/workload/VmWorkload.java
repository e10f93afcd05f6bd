package io.xemigrate.simulator.workload;

import io.xemigrate.simulator.physics.Dirtying;

/**
 * One VM's hidden workload process, drawn once from its kind. Its intensity varies in time: a slow
 * sinusoidal drift around 1 and, in each window of {@code burstEveryNanos}, one burst of {@code
 * burstNanos} at a pseudo-random offset during which the rate is multiplied by {@code burstFactor}.
 * Memory dirtying and disk writes follow the intensity; CPU follows it half-way. Everything is a
 * pure function of virtual time, so a window of the past (RRD history) is as defined as the
 * present.
 *
 * @param kind the kind it was drawn from (for the control endpoint only)
 * @param seed seeds burst offsets and the drift's phase
 * @param dirtyBytesPerSecond base rate of newly dirtied distinct memory
 * @param workingSetBytes writable working set: distinct dirtied memory levels off here
 * @param diskWriteBytesPerSecond base disk write rate (over all the VM's disks)
 * @param diskReadBytesPerSecond disk read rate
 * @param cpuFraction base use of each vCPU, 0 to 1
 * @param networkBytesPerSecond guest network traffic each way
 * @param memoryUsedFraction memory used inside the guest, 0 to 1
 */
public record VmWorkload(
    String kind,
    long seed,
    double dirtyBytesPerSecond,
    long workingSetBytes,
    double diskWriteBytesPerSecond,
    double diskReadBytesPerSecond,
    double cpuFraction,
    double networkBytesPerSecond,
    double memoryUsedFraction,
    double burstFactor,
    long burstEveryNanos,
    long burstNanos,
    double driftAmplitude,
    long driftPeriodNanos)
    implements Dirtying {

  /** Beyond this many burst windows an average uses the expected burst share. */
  private static final long EXACT_WINDOWS = 64;

  public VmWorkload {
    if (burstEveryNanos <= 0 || burstNanos < 0 || burstNanos > burstEveryNanos) {
      throw new IllegalArgumentException("bursts must fit in their window");
    }
    if (driftPeriodNanos <= 0 || driftAmplitude < 0 || driftAmplitude >= 1) {
      throw new IllegalArgumentException("drift must have a period and stay under 100 %");
    }
  }

  /** The true dirty rate at instant {@code nanos}, bytes per second. */
  public double dirtyRateAt(long nanos) {
    return dirtyBytesPerSecond * intensityAt(nanos);
  }

  /** The mean dirty rate over a window, bytes per second. */
  public double meanDirtyRate(long fromNanos, long toNanos) {
    return dirtyBytesPerSecond * meanIntensity(fromNanos, toNanos);
  }

  @Override
  public double dirtiedBetween(long fromNanos, long toNanos, long populatedBytes) {
    if (toNanos <= fromNanos) {
      return 0;
    }
    double grown = meanDirtyRate(fromNanos, toNanos) * (toNanos - fromNanos) / 1e9;
    return Math.min(grown, Math.min((double) workingSetBytes, (double) populatedBytes));
  }

  /** Mean disk writes over a window, bytes per second. */
  public double meanDiskWrite(long fromNanos, long toNanos) {
    return diskWriteBytesPerSecond * meanIntensity(fromNanos, toNanos);
  }

  /** Mean use of one vCPU over a window, 0 to 1. */
  public double meanCpu(long fromNanos, long toNanos) {
    return Math.min(1.0, cpuFraction * (0.5 + 0.5 * meanIntensity(fromNanos, toNanos)));
  }

  /** Mean network traffic each way over a window, bytes per second (drift only). */
  public double meanNetwork(long fromNanos, long toNanos) {
    return networkBytesPerSecond * meanDrift(fromNanos, toNanos);
  }

  /** Drift times burst at one instant. */
  double intensityAt(long nanos) {
    return drift(nanos) * (inBurst(nanos) ? burstFactor : 1.0);
  }

  /** The mean of drift times burst over [from, to). */
  double meanIntensity(long fromNanos, long toNanos) {
    if (toNanos <= fromNanos) {
      return intensityAt(fromNanos);
    }
    double length = toNanos - fromNanos;
    double drift = meanDrift(fromNanos, toNanos);
    long firstWindow = Math.floorDiv(fromNanos, burstEveryNanos);
    long lastWindow = Math.floorDiv(toNanos - 1, burstEveryNanos);
    if (lastWindow - firstWindow > EXACT_WINDOWS) {
      return drift * (1 + (burstFactor - 1) * burstNanos / (double) burstEveryNanos);
    }
    double extra = 0;
    for (long window = firstWindow; window <= lastWindow; window++) {
      long start = burstStart(window);
      long overlapStart = Math.max(start, fromNanos);
      long overlapEnd = Math.min(start + burstNanos, toNanos);
      if (overlapEnd > overlapStart) {
        extra += (overlapEnd - overlapStart) * drift(overlapStart / 2 + overlapEnd / 2);
      }
    }
    return drift + (burstFactor - 1) * extra / length;
  }

  private boolean inBurst(long nanos) {
    long start = burstStart(Math.floorDiv(nanos, burstEveryNanos));
    return nanos >= start && nanos < start + burstNanos;
  }

  private long burstStart(long window) {
    double offset = Draws.uniform(seed, window) * (burstEveryNanos - burstNanos);
    return window * burstEveryNanos + (long) offset;
  }

  private double drift(long nanos) {
    return 1 + driftAmplitude * Math.sin(angle(nanos));
  }

  /** The mean of the drift over [from, to), from the sine's integral. */
  private double meanDrift(long fromNanos, long toNanos) {
    if (toNanos <= fromNanos) {
      return drift(fromNanos);
    }
    double radiansPerNano = 2 * Math.PI / driftPeriodNanos;
    double integral = (Math.cos(angle(fromNanos)) - Math.cos(angle(toNanos))) / radiansPerNano;
    return 1 + driftAmplitude * integral / (toNanos - fromNanos);
  }

  private double angle(long nanos) {
    double phase = 2 * Math.PI * Draws.uniform(seed, -1);
    return 2 * Math.PI * ((double) Math.floorMod(nanos, driftPeriodNanos) / driftPeriodNanos)
        + phase;
  }
}

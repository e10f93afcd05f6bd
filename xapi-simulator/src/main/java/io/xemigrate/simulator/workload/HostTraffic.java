package io.xemigrate.simulator.workload;

/**
 * Traffic on a host's NICs that is not a migration (storage, backups, other guests' peers): a share
 * of each NIC's nominal speed that drifts slowly around its mean. Migration streams get what is
 * left of the mean; the RRD shows the drifting value.
 *
 * @param seed seeds the drift's phase
 * @param meanShare mean share of the nominal speed taken, 0 to 0.9
 * @param driftAmplitude relative swing around the mean, 0 to 1
 * @param driftPeriodNanos period of the swing
 */
public record HostTraffic(
    long seed, double meanShare, double driftAmplitude, long driftPeriodNanos) {

  public HostTraffic {
    if (meanShare < 0 || meanShare > 0.9 || driftPeriodNanos <= 0) {
      throw new IllegalArgumentException("background share must be in [0, 0.9]");
    }
  }

  /** Mean background traffic over a window on a NIC of {@code nominalBytesPerSecond}. */
  public double meanBytesPerSecond(double nominalBytesPerSecond, long fromNanos, long toNanos) {
    long middle = fromNanos / 2 + toNanos / 2;
    double phase = 2 * Math.PI * Draws.uniform(seed, -1);
    double angle =
        2 * Math.PI * ((double) Math.floorMod(middle, driftPeriodNanos) / driftPeriodNanos) + phase;
    return nominalBytesPerSecond * meanShare * (1 + driftAmplitude * Math.sin(angle));
  }
}

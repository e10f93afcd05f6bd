package io.xemigrate.planner.predict;

/**
 * A move's time and downtime as p10, p50 and p90 when its dirty rate is a prior rather than a
 * measurement (xapi shows no dirty rate): the predictions at the prior's 10th, 50th and 90th
 * percentile rates.
 *
 * @param vmUuid the VM
 * @param p10Seconds total time at the low rate
 * @param p50Seconds total time at the prior's median (the plain prediction)
 * @param p90Seconds total time at the high rate
 * @param p10DowntimeSeconds least downtime of the three
 * @param p50DowntimeSeconds downtime at the median
 * @param p90DowntimeSeconds most downtime of the three
 */
public record MoveInterval(
    String vmUuid,
    double p10Seconds,
    double p50Seconds,
    double p90Seconds,
    double p10DowntimeSeconds,
    double p50DowntimeSeconds,
    double p90DowntimeSeconds) {

  /** Whether {@code seconds} lies inside p10-p90. */
  public boolean covers(double seconds) {
    return seconds >= p10Seconds && seconds <= p90Seconds;
  }
}

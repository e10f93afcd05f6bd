package io.xemigrate.simulator.scenario;

import java.util.Map;

/**
 * The scenario's hidden workloads: per kind of guest, distributions (a median and a spread) from
 * which each VM's own workload process is drawn, plus the background traffic of host NICs. None of
 * it is readable through XenAPI; clients see only its effects (RRD data, migration times).
 *
 * @param seed seeds every draw (default 1): the same scenario always hides the same truth
 * @param kinds workload kinds by name, referred to by {@code vms[].workload}; they add to (and may
 *     replace) the built-in kinds {@code idle}, {@code web}, {@code database}, {@code batch}
 * @param nicBackgroundPercent share of each host NIC's nominal speed taken by other traffic
 * @param nicBackgroundPercentByHost a host's own share (by host name), fixed rather than drawn:
 *     what a capture of a real pool saw on that host's NICs; hosts not named draw from {@code
 *     nicBackgroundPercent}
 */
public record WorkloadSpec(
    Long seed,
    Map<String, KindSpec> kinds,
    Spread nicBackgroundPercent,
    Map<String, Double> nicBackgroundPercentByHost) {

  /** Distributions only: every host draws its background share. */
  public WorkloadSpec(Long seed, Map<String, KindSpec> kinds, Spread nicBackgroundPercent) {
    this(seed, kinds, nicBackgroundPercent, null);
  }

  /**
   * One kind of guest. Each VM of the kind draws its own figures from these distributions.
   *
   * @param dirtyRateMBps base rate at which new distinct memory is dirtied, MB/s
   * @param workingSetPercent writable working set, percent of the VM's memory
   * @param diskWriteMBps disk writes, MB/s (they also load the VM's SRs)
   * @param diskReadMBps disk reads, MB/s
   * @param cpuPercent CPU use of each vCPU, percent
   * @param networkMBps guest network traffic each way, MB/s
   * @param memoryUsedPercent memory the guest uses (the rest is free inside it), percent
   * @param burstFactor dirty rate (and disk writes) multiplied by this during a burst
   * @param burstEverySeconds one burst in each window of this length, at a random offset
   * @param burstSeconds length of a burst
   * @param driftPercent amplitude of the slow drift around the base rate, percent
   * @param driftPeriodSeconds period of the drift
   */
  public record KindSpec(
      Spread dirtyRateMBps,
      Spread workingSetPercent,
      Spread diskWriteMBps,
      Spread diskReadMBps,
      Spread cpuPercent,
      Spread networkMBps,
      Spread memoryUsedPercent,
      Double burstFactor,
      Long burstEverySeconds,
      Long burstSeconds,
      Double driftPercent,
      Long driftPeriodSeconds) {}

  /**
   * A log-normal distribution: {@code median * exp(spread * N(0, 1))}; spread 0 is a fixed value.
   */
  public record Spread(Double median, Double spread) {}
}

package io.xemigrate.planner.schedule;

import io.xemigrate.planner.predict.CalibrationObservations;
import io.xemigrate.planner.predict.MoveDemand;
import io.xemigrate.storage.estimate.DiskCopyEstimator;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * What the links and the storage deliver to migrations.
 *
 * @param hosts every host a move leaves or enters, by UUID
 * @param perStreamCapBytesPerSecond the most one migration stream carries, whatever the NIC: set by
 *     xenguest and stunnel (or kTLS) CPU in dom0, not by the wire
 *     (docs/migration-model.md#transport)
 * @param storage SR throughputs and per-disk setup for disk copies
 * @param calibration observed stream bandwidth per host pair (replaces the cap for that pair) and
 *     observed VM dirtying
 */
public record Topology(
    Map<String, HostLink> hosts,
    double perStreamCapBytesPerSecond,
    DiskCopyEstimator storage,
    CalibrationObservations calibration) {

  /** Copies the map; rejects a cap that is not positive. */
  public Topology {
    hosts = Map.copyOf(hosts);
    if (!(perStreamCapBytesPerSecond > 0) || Double.isInfinite(perStreamCapBytesPerSecond)) {
      throw new IllegalArgumentException("perStreamCapBytesPerSecond must be finite and > 0");
    }
  }

  /** The link of {@code hostUuid}. */
  public HostLink host(String hostUuid) {
    HostLink link = hosts.get(hostUuid);
    if (link == null) {
      throw new NoSuchElementException("no transfer link known for host " + hostUuid);
    }
    return link;
  }

  /**
   * The most one stream of {@code move} carries: what the journal measured for its host pair, else
   * the assumed cap (a measurement replaces the assumption, either way).
   */
  public double streamCap(MoveDemand move) {
    return calibration
        .streamBandwidth(move.sourceHostUuid(), move.destinationHostUuid())
        .orElse(perStreamCapBytesPerSecond);
  }

  /** This topology with other calibration. */
  public Topology withCalibration(CalibrationObservations newCalibration) {
    return new Topology(hosts, perStreamCapBytesPerSecond, storage, newCalibration);
  }

  /** The rate {@code move} gets with both NICs to itself. */
  public double soloRate(MoveDemand move) {
    return Math.min(
        streamCap(move),
        Math.min(
            host(move.sourceHostUuid()).nicBytesPerSecond(),
            host(move.destinationHostUuid()).nicBytesPerSecond()));
  }

  /**
   * How many streams a NIC carries before any of them gets less than the per-stream cap: ⌊B/s⌋, at
   * least 1.
   */
  public int unsharedStreams(String hostUuid) {
    return (int)
        Math.max(
            1, Math.floor(host(hostUuid).nicBytesPerSecond() / perStreamCapBytesPerSecond + 1e-9));
  }

  /** How many capped streams fill the NIC: ⌈B/s⌉, at least 1. */
  public int streamsToFill(String hostUuid) {
    return (int)
        Math.max(
            1, Math.ceil(host(hostUuid).nicBytesPerSecond() / perStreamCapBytesPerSecond - 1e-9));
  }
}

package io.xemigrate.planner.predict;

import com.google.common.collect.ImmutableList;

/**
 * What one move costs at a given bandwidth.
 *
 * @param vmUuid the VM
 * @param bytesPerSecond the transfer rate the prediction assumed
 * @param diskSeconds the disk phase (setup and copy of every disk)
 * @param liveRounds live pre-copy rounds (1 to the model's cap)
 * @param roundPageBytes page bytes of each round: the live rounds, then the paused round last
 * @param bytesSent everything on the wire: disk bytes plus memory rounds with framing
 * @param totalSeconds setup, disks, live rounds, paused round and switch-over
 * @param downtimeSeconds paused round plus switch-over
 * @param converged whether the dirty set fell under the threshold before the round cap
 */
public record MovePrediction(
    String vmUuid,
    double bytesPerSecond,
    double diskSeconds,
    int liveRounds,
    ImmutableList<Double> roundPageBytes,
    double bytesSent,
    double totalSeconds,
    double downtimeSeconds,
    boolean converged) {

  /** Page bytes of the paused (stop-and-copy) round. */
  public double pausedRoundBytes() {
    return roundPageBytes.get(roundPageBytes.size() - 1);
  }
}

package io.xemigrate.planner.predict;

import java.util.OptionalDouble;

/**
 * One completed move as the journal measured it, before any fitting: the raw history the planner
 * learns each VM's dirtying and each host pair's stream rate from ({@link HistoryFit}).
 *
 * @param vmUuid the VM that moved
 * @param hosts its sending and receiving host
 * @param bytesSent what the move sent at least once: the disks it copied plus the populated memory
 * @param seconds how long the migration took: xapi's task, from its {@code created} to its {@code
 *     finished} time
 * @param downtimeSeconds the pause, when something measured it (xapi reports none: usually empty)
 * @param age 0 for the newest run, 1 for the run before it, ...; older observations weigh less
 */
public record ObservedMove(
    String vmUuid,
    HostPair hosts,
    long bytesSent,
    double seconds,
    OptionalDouble downtimeSeconds,
    int age) {

  /** Rejects a negative age. */
  public ObservedMove {
    if (age < 0) {
      throw new IllegalArgumentException("age must be >= 0");
    }
  }

  /** The weight of this observation: halves with every newer run ({@link HistoryFit#DECAY}). */
  public double weight() {
    return Math.pow(HistoryFit.DECAY, age);
  }
}

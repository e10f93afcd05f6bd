package io.xemigrate.planner.schedule;

/**
 * A host's transfer-network interface.
 *
 * @param hostUuid the host
 * @param poolUuid its pool (Xen Orchestra's limit is per pool)
 * @param nicBytesPerSecond the NIC's (or bond's) capacity in each direction: sending and receiving
 *     do not compete (full duplex)
 */
public record HostLink(String hostUuid, String poolUuid, double nicBytesPerSecond) {

  /** Rejects a NIC without bandwidth. */
  public HostLink {
    if (!(nicBytesPerSecond > 0) || Double.isInfinite(nicBytesPerSecond)) {
      throw new IllegalArgumentException("NIC bandwidth of " + hostUuid + " must be > 0");
    }
  }
}

package io.xemigrate.storage.estimate;

/**
 * What an SR sustains for migration copies, shared by every copy that reads from or writes to it.
 *
 * @param readBytesPerSecond sequential read throughput available to copies leaving the SR
 * @param writeBytesPerSecond write throughput available to copies arriving on the SR
 */
public record SrThroughput(double readBytesPerSecond, double writeBytesPerSecond) {

  /**
   * A conservative default for an SR nobody measured: 120 MB/s each way, the disk-bound figure seen
   * on 10 GbE in xcp-ng/xcp #145 (docs/migration-model.md#transport).
   */
  public static final SrThroughput UNMEASURED = new SrThroughput(120e6, 120e6);

  /** Rejects throughputs that are not positive: a copy through them would never finish. */
  public SrThroughput {
    if (!(readBytesPerSecond > 0) || !(writeBytesPerSecond > 0)) {
      throw new IllegalArgumentException("SR throughputs must be > 0");
    }
  }
}

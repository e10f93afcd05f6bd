package io.xemigrate.planner.predict;

import java.util.Locale;
import java.util.Optional;

/**
 * Kinds of VM with default dirtying, used when neither the VM's configuration nor calibration says
 * anything. The figures are starting points read off the published traces
 * (docs/migration-model.md#dirty-rate-levels-off: a web server's last round 18 MB of 800 MB, a
 * kernel compile or OLTP with a small WWS, a page thrasher dirtying faster than any link), to be
 * replaced by calibration.
 */
public enum WorkloadKind {
  /** Mostly idle: 1 MB/s, WWS 5 % of memory up to 64 MiB. */
  IDLE(1e6, 0.05, 64L << 20),
  /** Unknown workload (the default): 20 MB/s, WWS 10 % of memory up to 1 GiB. */
  GENERAL(20e6, 0.10, 1L << 30),
  /** Web or application server: 30 MB/s, WWS 5 % of memory up to 512 MiB. */
  WEB(30e6, 0.05, 512L << 20),
  /** Interactive desktop: 10 MB/s, WWS 10 % of memory up to 512 MiB. */
  DESKTOP(10e6, 0.10, 512L << 20),
  /** Database or cache: 150 MB/s, WWS 25 % of memory up to 8 GiB. */
  DATABASE(150e6, 0.25, 8L << 30),
  /** Memory-intensive (analytics, a page thrasher): 1 GB/s over all of its memory. */
  MEMORY_INTENSIVE(1e9, 1.0, Long.MAX_VALUE);

  private final double rateBytesPerSecond;
  private final double wwsFraction;
  private final long wwsCapBytes;

  WorkloadKind(double rateBytesPerSecond, double wwsFraction, long wwsCapBytes) {
    this.rateBytesPerSecond = rateBytesPerSecond;
    this.wwsFraction = wwsFraction;
    this.wwsCapBytes = wwsCapBytes;
  }

  /** The default dirty rate of this kind, in bytes per second. */
  public double rateBytesPerSecond() {
    return rateBytesPerSecond;
  }

  /** The default WWS of a VM of this kind with {@code memoryBytes} populated. */
  public long writableWorkingSetBytes(long memoryBytes) {
    return (long) Math.min((double) wwsCapBytes, wwsFraction * memoryBytes);
  }

  /** The kind named {@code text} ({@code database}, {@code memory-intensive}, ...), if any. */
  public static Optional<WorkloadKind> parse(String text) {
    String normalised = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (WorkloadKind kind : values()) {
      if (kind.name().equals(normalised)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}

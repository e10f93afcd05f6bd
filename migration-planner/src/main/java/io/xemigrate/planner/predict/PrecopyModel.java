package io.xemigrate.planner.predict;

import java.util.ArrayList;
import java.util.List;

/**
 * Xen's pre-copy stop rules and the fixed costs of a move, as data.
 *
 * <p>Stop rules (docs/migration-model.md#stop-rules, XenServer / XCP-ng emu-manager and upstream
 * {@code simple_precopy_policy}): round 1 sends every populated page; each later live round sends
 * what the previous round left dirty; the live stage ends when fewer than {@code
 * dirtyThresholdBytes} remain (converged) or after {@code maxLiveRounds} live rounds (not
 * converged). The VM is then paused and the last dirty set is sent: that pause, plus the
 * switch-over, is the downtime.
 *
 * @param maxLiveRounds live rounds before the forced stop-and-copy (5: 1 full pass + 4 dirty
 *     passes)
 * @param dirtyThresholdBytes the dirty set below which the live stage ends (50 pages of 4 KiB)
 * @param wireOverheadFraction stream framing on top of page data (8-byte pfn per 4 KiB page)
 * @param setupSeconds fixed cost before the first byte of an intra-pool move (an assumption until
 *     calibrated: xapi checks, xenopsd and the receiving domain)
 * @param crossPoolSetupSeconds fixed cost before the first byte of a cross-pool move ({@code
 *     host.migrate_receive}, metadata import, network attach; an assumption until calibrated)
 * @param switchOverSeconds the fixed part of the downtime after the last page: device hand-over,
 *     resume on the destination (Clark 2005 measured 9 ms resume; we assume 100 ms for xapi's
 *     heavier commit)
 */
public record PrecopyModel(
    int maxLiveRounds,
    long dirtyThresholdBytes,
    double wireOverheadFraction,
    double setupSeconds,
    double crossPoolSetupSeconds,
    double switchOverSeconds) {

  /** 5 live rounds (1 full pass + 4 dirty passes), the XenServer / XCP-ng and upstream cap. */
  public static final int DEFAULT_MAX_LIVE_ROUNDS = 5;

  /** 50 pages of 4 KiB ({@code SPP_TARGET_DIRTY_COUNT}, emu-manager's {@code remaining < 50}). */
  public static final long DEFAULT_DIRTY_THRESHOLD_BYTES = 50L * 4096;

  /** 8 bytes of pfn per 4096-byte page in PAGE_DATA records (≈ 0.2 %). */
  public static final double DEFAULT_WIRE_OVERHEAD = 8.0 / 4096;

  /** Validates the figures; see {@link #validate()} for the list of violations. */
  public PrecopyModel {
    List<String> problems = problems(maxLiveRounds, dirtyThresholdBytes, wireOverheadFraction);
    if (!(setupSeconds >= 0) || !(crossPoolSetupSeconds >= 0) || !(switchOverSeconds >= 0)) {
      problems.add("fixed costs must be >= 0 seconds");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  /** The Xen defaults, 2 s intra-pool setup, 10 s cross-pool setup, 100 ms switch-over. */
  public static PrecopyModel xenDefaults() {
    return new PrecopyModel(
        DEFAULT_MAX_LIVE_ROUNDS,
        DEFAULT_DIRTY_THRESHOLD_BYTES,
        DEFAULT_WIRE_OVERHEAD,
        2.0,
        10.0,
        0.1);
  }

  /** The bare textbook model: Xen's stop rules with no framing and no fixed costs. */
  public static PrecopyModel bare() {
    return new PrecopyModel(DEFAULT_MAX_LIVE_ROUNDS, DEFAULT_DIRTY_THRESHOLD_BYTES, 0, 0, 0, 0);
  }

  private static List<String> problems(int rounds, long threshold, double overhead) {
    List<String> problems = new ArrayList<>();
    if (rounds < 1) {
      problems.add("maxLiveRounds must be >= 1");
    }
    if (threshold < 0) {
      problems.add("dirtyThresholdBytes must be >= 0");
    }
    if (!(overhead >= 0) || Double.isInfinite(overhead)) {
      problems.add("wireOverheadFraction must be finite and >= 0");
    }
    return problems;
  }

  /** The fixed cost before the first byte of a move. */
  public double setupSecondsFor(boolean crossPool) {
    return crossPool ? crossPoolSetupSeconds : setupSeconds;
  }

  /** Bytes on the wire for {@code pageBytes} of page data. */
  public double wireBytes(double pageBytes) {
    return pageBytes * (1 + wireOverheadFraction);
  }

  /**
   * Whether the live stage ends after {@code liveRoundsDone} rounds with {@code nextRoundBytes}
   * dirty: the dirty set is under the threshold, or the round cap is reached.
   */
  public boolean stopsLive(int liveRoundsDone, double nextRoundBytes) {
    return isUnderThreshold(nextRoundBytes) || liveRoundsDone >= maxLiveRounds;
  }

  /**
   * Whether a dirty set is small enough for the live stage to end by convergence; an empty set
   * always is (xenguest stops when {@code dirty_count == 0}).
   */
  public boolean isUnderThreshold(double dirtyBytes) {
    return dirtyBytes < dirtyThresholdBytes || dirtyBytes <= 0;
  }
}

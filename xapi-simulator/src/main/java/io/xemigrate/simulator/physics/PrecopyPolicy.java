package io.xemigrate.simulator.physics;

import java.time.Duration;

/**
 * Xen's pre-copy stop rules and the fixed costs around a migration.
 *
 * @param maxDirtyRounds live rounds after the first full pass; XenServer / XCP-ng stop the live
 *     stage at iteration 4 (docs/migration-model.md#stop-rules)
 * @param dirtyThresholdBytes a live round at or under this size is the last one (50 pages)
 * @param partialRoundCredit share of a partial round that emu-manager credits to progress (0.8,
 *     docs/migration-model.md#pre-copy)
 * @param diskSetup per-disk snapshot, datapath and SR scan time (docs/migration-model.md#disk-copy)
 * @param metadataImport time of the real metadata import on the destination (cross-pool only)
 * @param memorySetup time before the first page of memory, in every live move: xapi attaches the
 *     VM's networks on the target and xenopsd's {@code VM.migrate} connects to the receiving
 *     xenopsd, which builds the destination domain (docs/xapi-behaviour.md#migrate-send-phases
 *     P4/P6, docs/xapi-behaviour.md#pool-migrate)
 * @param switchOver resume and commit time added to the stop-and-copy round
 *     (docs/migration-model.md#round-model)
 */
public record PrecopyPolicy(
    int maxDirtyRounds,
    long dirtyThresholdBytes,
    double partialRoundCredit,
    Duration diskSetup,
    Duration metadataImport,
    Duration memorySetup,
    Duration switchOver) {

  /** Bytes of one guest page. */
  public static final long PAGE_BYTES = 4096;

  public PrecopyPolicy {
    if (maxDirtyRounds < 0 || dirtyThresholdBytes < 0) {
      throw new IllegalArgumentException("round cap and threshold must not be negative");
    }
    if (partialRoundCredit < 0 || partialRoundCredit > 1) {
      throw new IllegalArgumentException("partial round credit must lie in [0, 1]");
    }
  }

  /**
   * XenServer / XCP-ng: 4 dirty rounds, 50 pages, 80 % credit. The fixed costs are the simulator's
   * own assumptions (no published figure): 2 s per disk, 2 s of metadata import, 2 s of
   * memory-phase setup and a 100 ms switch-over (Clark 2005 measured 9 ms of resume on 2005
   * hardware). Fixed pre- and post-migration overheads exist on real hosts and do not shrink with
   * link speed (Akoush 2010, docs/migration-model.md#fixed-costs).
   */
  public static PrecopyPolicy xenServer() {
    return new PrecopyPolicy(
        4,
        50 * PAGE_BYTES,
        0.8,
        Duration.ofSeconds(2),
        Duration.ofSeconds(2),
        Duration.ofSeconds(2),
        Duration.ofMillis(100));
  }

  /** The same stop rules with no fixed costs, to compare against the closed-form model. */
  public static PrecopyPolicy withoutFixedCosts() {
    return new PrecopyPolicy(
        4, 50 * PAGE_BYTES, 0.8, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
  }
}

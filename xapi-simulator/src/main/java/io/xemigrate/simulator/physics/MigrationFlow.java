package io.xemigrate.simulator.physics;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of one running migration: a sequence of segments, each either a fixed delay or a
 * transfer of a known number of bytes at whatever rate the engine grants. The engine asks when the
 * current segment ends, advances time, and calls {@link #finishSegment} at the boundary.
 */
final class MigrationFlow {
  private final MigrationSpec spec;
  private final PrecopyPolicy policy;
  private final long startedAt;
  private final long totalVirtualSize;
  private final List<RoundTruth> rounds = new ArrayList<>();

  private MigrationPhase phase;
  private boolean transfer;
  private double remainingBytes;
  private double segmentBytes;
  private long remainingNanos;
  private long segmentStartedAt;
  private int diskIndex;
  private long diskVirtualDone;
  private long diskBytes;
  private int round;
  private double memorySentBefore;
  private double highestMemoryProgress;
  private StopReason stopReason = StopReason.ITERATION_LIMIT;
  private long metadataStartedAt;
  private long memoryStartedAt;
  private long stopStartedAt;
  private long finishedAt;

  MigrationFlow(MigrationSpec spec, PrecopyPolicy policy, long startedAt) {
    this.spec = spec;
    this.policy = policy;
    this.startedAt = startedAt;
    this.totalVirtualSize = spec.totalVirtualSize();
    this.metadataStartedAt = startedAt;
    this.memoryStartedAt = startedAt;
    if (spec.disks().isEmpty()) {
      afterDisks(startedAt);
    } else {
      phase = MigrationPhase.DISK_COPY;
      delay(policy.diskSetup().toNanos(), startedAt);
    }
  }

  MigrationSpec spec() {
    return spec;
  }

  MigrationPhase phase() {
    return phase;
  }

  /** Whether the current segment moves bytes (and so takes a share of its resources). */
  boolean transferring() {
    return transfer && phase != MigrationPhase.DONE;
  }

  /** The resources the current transfer crosses. */
  List<String> resources() {
    if (phase == MigrationPhase.DISK_COPY) {
      DiskCopy disk = spec.disks().get(diskIndex);
      return ImmutableList.<String>builder()
          .addAll(spec.networkResources())
          .add(disk.sourceSr(), disk.destinationSr())
          .build();
    }
    return spec.networkResources();
  }

  /** Nanoseconds until the current segment ends at {@code rate}; MAX_VALUE when it never will. */
  long nanosToSegmentEnd(double rate) {
    if (!transfer) {
      return remainingNanos;
    }
    if (transferDone()) {
      return 0;
    }
    if (!(rate > 0)) {
      return Long.MAX_VALUE;
    }
    double nanos = Math.ceil(remainingBytes / rate * 1e9);
    return nanos >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) nanos;
  }

  void advance(long nanos, double rate) {
    if (transfer) {
      remainingBytes = Math.max(0, remainingBytes - rate * nanos / 1e9);
    } else {
      remainingNanos = Math.max(0, remainingNanos - nanos);
    }
  }

  boolean segmentFinished() {
    return phase != MigrationPhase.DONE && (transfer ? transferDone() : remainingNanos == 0);
  }

  /** Done up to floating-point rounding of rate × time. */
  private boolean transferDone() {
    return remainingBytes <= 1e-6 + 1e-12 * segmentBytes;
  }

  /** Moves to the next segment; returns whether the phase changed. */
  boolean finishSegment(long now) {
    MigrationPhase before = phase;
    switch (phase) {
      case DISK_COPY -> finishDiskSegment(now);
      case METADATA_IMPORT -> startMemory(now);
      case MEMORY_PRECOPY -> {
        if (transfer) {
          finishLiveRound(now);
        } else {
          startRound(0, spec.populatedMemoryBytes(), now);
        }
      }
      case STOP_AND_COPY -> {
        rounds.add(new RoundTruth(round + 1, Math.round(segmentBytes), now - stopStartedAt, true));
        phase = MigrationPhase.SWITCH_OVER;
        delay(policy.switchOver().toNanos(), now);
      }
      case SWITCH_OVER -> {
        phase = MigrationPhase.DONE;
        finishedAt = now;
      }
      case DONE -> throw new IllegalStateException("migration " + spec.id() + " is already done");
    }
    return phase != before;
  }

  private void finishDiskSegment(long now) {
    DiskCopy disk = spec.disks().get(diskIndex);
    if (!transfer) {
      startTransfer(disk.physicalUtilisation(), now);
      return;
    }
    diskBytes += disk.physicalUtilisation();
    diskVirtualDone += disk.virtualSize();
    diskIndex++;
    if (diskIndex < spec.disks().size()) {
      delay(policy.diskSetup().toNanos(), now);
    } else {
      afterDisks(now);
    }
  }

  private void afterDisks(long now) {
    metadataStartedAt = now;
    if (spec.importsMetadata()) {
      phase = MigrationPhase.METADATA_IMPORT;
      delay(policy.metadataImport().toNanos(), now);
    } else {
      startMemory(now);
    }
  }

  /** The memory phase opens with its fixed setup (a delay inside MEMORY_PRECOPY), then round 0. */
  private void startMemory(long now) {
    memoryStartedAt = now;
    phase = MigrationPhase.MEMORY_PRECOPY;
    segmentBytes = 0;
    remainingBytes = 0;
    if (policy.memorySetup().isZero()) {
      startRound(0, spec.populatedMemoryBytes(), now);
    } else {
      delay(policy.memorySetup().toNanos(), now);
    }
  }

  private void startRound(int index, double bytes, long now) {
    phase = MigrationPhase.MEMORY_PRECOPY;
    round = index;
    startTransfer(bytes, now);
  }

  /**
   * Xen's rule: the round just sent was the last live one when it was at or under the threshold or
   * when it was the last round the cap allows; the paused round then carries what was dirtied while
   * it was being sent (docs/migration-model.md#stop-rules).
   */
  private void finishLiveRound(long now) {
    long took = now - segmentStartedAt;
    rounds.add(new RoundTruth(round, Math.round(segmentBytes), took, false));
    memorySentBefore += segmentBytes;
    double dirtied =
        spec.dirty().dirtiedBetween(segmentStartedAt, now, spec.populatedMemoryBytes());
    boolean underThreshold = round > 0 && segmentBytes <= policy.dirtyThresholdBytes();
    if (underThreshold || round >= policy.maxDirtyRounds()) {
      stopReason = underThreshold ? StopReason.BELOW_THRESHOLD : StopReason.ITERATION_LIMIT;
      phase = MigrationPhase.STOP_AND_COPY;
      stopStartedAt = now;
      startTransfer(dirtied, now);
    } else {
      startRound(round + 1, dirtied, now);
    }
  }

  private void delay(long nanos, long now) {
    transfer = false;
    remainingNanos = nanos;
    segmentStartedAt = now;
  }

  private void startTransfer(double bytes, long now) {
    transfer = true;
    segmentBytes = bytes;
    remainingBytes = bytes;
    segmentStartedAt = now;
  }

  /**
   * Task progress as xapi publishes it. Within the memory run the emu-manager formula can dip when
   * a round grows; a task's progress is reported as the highest value seen so far.
   */
  MigrationProgress progress() {
    if (!phase.countsMemory()) {
      return new MigrationProgress(phase, diskProgress());
    }
    highestMemoryProgress = Math.max(highestMemoryProgress, memoryProgress());
    return new MigrationProgress(phase, highestMemoryProgress);
  }

  private double diskProgress() {
    if (phase != MigrationPhase.DISK_COPY) {
      return 1.0;
    }
    int count = spec.disks().size();
    DiskCopy disk = spec.disks().get(diskIndex);
    double weight =
        totalVirtualSize > 0 ? (double) disk.virtualSize() / totalVirtualSize : 1.0 / count;
    double done =
        totalVirtualSize > 0
            ? (double) diskVirtualDone / totalVirtualSize
            : (double) diskIndex / count;
    // sparse_dd reports 0.05 to 0.95 of each disk; setup counts as 0.
    double within =
        transfer && segmentBytes > 0 ? 0.05 + 0.9 * (1 - remainingBytes / segmentBytes) : 0;
    return Math.min(1.0, done + within * weight);
  }

  /** emu-manager: (sent + 0.8·partial) / (sent + remaining), 1 once the paused round is sent. */
  private double memoryProgress() {
    return switch (phase) {
      case DISK_COPY, METADATA_IMPORT -> 0;
      case MEMORY_PRECOPY, STOP_AND_COPY -> {
        double partial = segmentBytes - remainingBytes;
        double whole = memorySentBefore + segmentBytes;
        yield whole > 0 ? (memorySentBefore + policy.partialRoundCredit() * partial) / whole : 0;
      }
      case SWITCH_OVER, DONE -> 1.0;
    };
  }

  MigrationTruth truth() {
    if (phase != MigrationPhase.DONE) {
      throw new IllegalStateException("migration " + spec.id() + " has not finished");
    }
    return new MigrationTruth(
        spec.id(),
        startedAt,
        finishedAt,
        metadataStartedAt - startedAt,
        memoryStartedAt - metadataStartedAt,
        stopStartedAt - memoryStartedAt,
        finishedAt - stopStartedAt,
        diskBytes,
        ImmutableList.copyOf(rounds),
        stopReason);
  }
}

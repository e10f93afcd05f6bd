package io.xemigrate.simulator.physics;

import com.google.common.collect.ImmutableList;

/**
 * What a finished migration really did, so that predictions can be scored against it.
 *
 * @param migrationId the migration's id
 * @param startedAtNanos virtual start time
 * @param finishedAtNanos virtual end time
 * @param diskCopyNanos time of the disk phase (setup and copy of every disk)
 * @param metadataImportNanos time of the metadata import (0 inside a pool)
 * @param precopyNanos time of the live memory rounds
 * @param downtimeNanos stop-and-copy plus switch-over: the time the guest did not run
 * @param diskBytes bytes of disk data sent
 * @param rounds every memory round, the paused one last
 * @param stopReason why the live stage ended
 */
public record MigrationTruth(
    String migrationId,
    long startedAtNanos,
    long finishedAtNanos,
    long diskCopyNanos,
    long metadataImportNanos,
    long precopyNanos,
    long downtimeNanos,
    long diskBytes,
    ImmutableList<RoundTruth> rounds,
    StopReason stopReason) {

  /** Total virtual time from start to finish. */
  public long totalNanos() {
    return finishedAtNanos - startedAtNanos;
  }

  /** Bytes of memory sent over every round, the paused one included. */
  public long memoryBytes() {
    return rounds.stream().mapToLong(RoundTruth::bytes).sum();
  }

  /** Number of live rounds (the first full pass included). */
  public int liveRounds() {
    return (int) rounds.stream().filter(round -> !round.paused()).count();
  }
}

package io.xemigrate.plugin.bench;

import com.google.common.collect.ImmutableMap;
import io.xemigrate.coordinator.journal.CompletedMove;
import io.xemigrate.coordinator.journal.Journal;
import io.xemigrate.planner.predict.MoveDemand;
import io.xemigrate.planner.schedule.Schedule;
import io.xemigrate.planner.schedule.Scheduler;
import io.xemigrate.storage.estimate.DiskCopy;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The history a warm pass plans with: the batch's moves out and back, written to a real journal as
 * the coordinator writes a finished move ({@code completed_moves}: bytes the move had to send,
 * memory as {@code memory_actual} plus its disks, and its duration; no downtime, which xapi does
 * not report). The next plan reads it through the normal path ({@code JournalCalibration}).
 */
final class BenchHistory {
  /** The run id of the moves out. */
  static final String OUT = "bench-out";

  /** The run id of the moves back. */
  static final String BACK = "bench-back";

  private BenchHistory() {}

  /**
   * Records every move of {@code moves} that succeeded in {@code replayed} under run {@code run}.
   */
  static void record(
      Journal journal, String run, List<MoveDemand> moves, Map<String, ReplayedMove> replayed) {
    for (MoveDemand move : moves) {
      ReplayedMove done = replayed.get(move.vmUuid());
      if (done == null || done.failure().isPresent()) {
        continue;
      }
      long disks = move.disks().stream().mapToLong(DiskCopy::bytesToCopy).sum();
      journal.recordCompleted(
          new CompletedMove(
              run,
              move.vmUuid(),
              move.sourceHostUuid(),
              move.destinationHostUuid(),
              disks + move.memoryPopulatedBytes(),
              done.totalSeconds(),
              OptionalDouble.empty()));
    }
  }

  /**
   * Moves every VM of an intra-pool batch back to the host it left, with our schedule, after
   * enabling those hosts (the bench's convention keeps evacuated hosts disabled), and records the
   * moves under {@link #BACK}. A batch across pools is not moved back: its disks now live in the
   * other pool under new VDIs, and the warm pass learns from the moves out.
   */
  static void moveBack(SimulatedPool pool, BenchBatch batch, Scheduler scheduler, Journal journal) {
    if (!batch.crossPool().isEmpty()) {
      return;
    }
    Set<String> sources = new LinkedHashSet<>();
    List<MoveDemand> back =
        batch.moves().stream()
            .map(
                move -> {
                  sources.add(move.sourceHostUuid());
                  return new MoveDemand(
                      move.vmUuid(),
                      move.destinationHostUuid(),
                      move.sourceHostUuid(),
                      move.memoryPopulatedBytes(),
                      move.dirty(),
                      move.disks(),
                      move.priority(),
                      false);
                })
            .toList();
    sources.forEach(host -> pool.client().enableHost(host));
    Schedule schedule = scheduler.schedule(back);
    ImmutableMap<String, ReplayedMove> replayed =
        new ScheduleReplayer(pool.client(), pool.client(), ImmutableMap.of(), pool.truth())
            .replay(schedule);
    record(journal, BACK, back, replayed);
  }
}

package io.xemigrate.coordinator.planning;

import io.xemigrate.coordinator.journal.CompletedMove;
import io.xemigrate.coordinator.journal.Journal;
import io.xemigrate.coordinator.journal.RunRecord;
import io.xemigrate.planner.predict.CalibrationObservations;
import io.xemigrate.planner.predict.HostPair;
import io.xemigrate.planner.predict.ObservedMove;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Turns the journal's {@code completed_moves} into the predictor's history: every successful move
 * becomes an {@link ObservedMove} (VM, host pair, bytes sent, the migration's duration as xapi's
 * task measured it, and its age in runs, newest run 0). The planner fits them ({@code HistoryFit},
 * through {@code InventoryTopology}): each VM's effective dirty rate and writable working set, each
 * host pair's stream rate, older runs weighing less. Nothing here needs the simulator: the journal
 * holds what the coordinator saw through XenAPI.
 */
public final class JournalCalibration {
  private JournalCalibration() {}

  /** The history in {@code journal}, runs aged by their creation time. */
  public static CalibrationObservations of(Journal journal) {
    Map<String, Instant> created = new HashMap<>();
    for (RunRecord run : journal.runs()) {
      created.put(run.runId(), run.createdAt());
    }
    return of(journal.completedMoves(), created);
  }

  /** The history of {@code moves}, runs aged in the order of their IDs (the last is the newest). */
  public static CalibrationObservations of(List<CompletedMove> moves) {
    return of(moves, Map.of());
  }

  /**
   * The history of {@code moves}; runs are ordered by {@code createdAt} (a run without one first),
   * then by ID. Moves without bytes or duration say nothing and are left out.
   */
  static CalibrationObservations of(List<CompletedMove> moves, Map<String, Instant> createdAt) {
    List<String> runs =
        moves.stream()
            .map(CompletedMove::runId)
            .distinct()
            .sorted(
                Comparator.comparing((String run) -> createdAt.getOrDefault(run, Instant.EPOCH))
                    .thenComparing(Comparator.naturalOrder()))
            .toList();
    List<ObservedMove> history = new ArrayList<>();
    for (CompletedMove move : moves) {
      if (move.bytesSent() <= 0 || !(move.seconds() > 0)) {
        continue;
      }
      history.add(
          new ObservedMove(
              move.vmUuid(),
              new HostPair(move.sourceHostUuid(), move.destinationHostUuid()),
              move.bytesSent(),
              move.seconds(),
              move.downtimeMillis().isPresent()
                  ? OptionalDouble.of(move.downtimeMillis().getAsDouble() / 1000)
                  : OptionalDouble.empty(),
              runs.size() - 1 - runs.indexOf(move.runId())));
    }
    return CalibrationObservations.of(history);
  }
}

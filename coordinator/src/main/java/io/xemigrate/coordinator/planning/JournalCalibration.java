package io.xemigrate.coordinator.planning;

import io.xemigrate.coordinator.journal.CompletedMove;
import io.xemigrate.planner.predict.CalibrationObservations;
import io.xemigrate.planner.predict.HostPair;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the journal's {@code completed_moves} into the predictor's {@link CalibrationObservations}:
 * per sending and receiving host pair, the fastest observed move (bytes moved over its whole
 * duration) is what one stream between them delivered at least. The fastest, not the mean: a move
 * that shared its NIC with others got less than a stream can carry, and the observation only ever
 * lowers the configured per-stream cap ({@code Topology.streamCap}).
 *
 * <p>The journal records neither rounds nor downtime (xapi reports neither), so no per-VM dirtying
 * is derived here; VM hints come from other_config.
 */
public final class JournalCalibration {
  /** Moves shorter than this say more about fixed costs than about bandwidth. */
  static final double MIN_SECONDS = 5;

  private JournalCalibration() {}

  /** The observations of {@code moves}; {@link CalibrationObservations#none()} for none. */
  public static CalibrationObservations of(List<CompletedMove> moves) {
    Map<HostPair, Double> fastest = new HashMap<>();
    for (CompletedMove move : moves) {
      if (move.bytesSent() <= 0 || !(move.seconds() >= MIN_SECONDS)) {
        continue;
      }
      double rate = move.bytesSent() / move.seconds();
      fastest.merge(
          new HostPair(move.sourceHostUuid(), move.destinationHostUuid()), rate, Math::max);
    }
    return new CalibrationObservations(fastest, Map.of());
  }
}

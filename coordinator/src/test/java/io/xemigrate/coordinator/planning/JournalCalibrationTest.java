package io.xemigrate.coordinator.planning;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.coordinator.journal.CompletedMove;
import io.xemigrate.planner.predict.CalibrationObservations;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalCalibrationTest {
  @Test
  void theFastestMoveOfAHostPairSetsItsStreamBandwidth() {
    CalibrationObservations observed =
        JournalCalibration.of(
            List.of(
                new CompletedMove("r1", "vm-1", "a", "b", 2_000_000_000L, 20, 0),
                new CompletedMove("r1", "vm-2", "a", "b", 2_000_000_000L, 40, 0),
                new CompletedMove("r2", "vm-3", "b", "a", 1_000_000_000L, 10, 0)));

    assertThat(observed.streamBandwidth("a", "b")).contains(100e6);
    assertThat(observed.streamBandwidth("b", "a")).contains(100e6);
    assertThat(observed.streamBandwidth("a", "c")).isEmpty();
    assertThat(observed.vmBehaviour()).isEmpty();
  }

  @Test
  void shortMovesAndMovesWithoutBytesSayNothing() {
    CalibrationObservations observed =
        JournalCalibration.of(
            List.of(
                new CompletedMove("r1", "vm-1", "a", "b", 4_000_000_000L, 2, 0),
                new CompletedMove("r1", "vm-2", "a", "b", 0, 60, 0)));

    assertThat(observed.streamBandwidth("a", "b")).isEmpty();
    assertThat(JournalCalibration.of(List.of()).streamBytesPerSecond()).isEmpty();
  }
}

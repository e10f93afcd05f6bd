package io.xemigrate.coordinator.planning;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.coordinator.journal.CompletedMove;
import io.xemigrate.planner.predict.CalibrationObservations;
import io.xemigrate.planner.predict.HostPair;
import io.xemigrate.planner.predict.ObservedMove;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class JournalCalibrationTest {
  @Test
  void everyCompletedMoveBecomesAnObservationAgedByItsRun() {
    CalibrationObservations observed =
        JournalCalibration.of(
            List.of(
                new CompletedMove(
                    "r-old", "vm-1", "a", "b", 2_000_000_000L, 20, OptionalDouble.empty()),
                new CompletedMove("r-new", "vm-1", "b", "a", 2_000_000_000L, 40, 250),
                new CompletedMove(
                    "r-mid", "vm-2", "a", "b", 1_000_000_000L, 10, OptionalDouble.empty())),
            Map.of(
                "r-old", Instant.parse("2026-12-01T00:00:00Z"),
                "r-mid", Instant.parse("2026-12-02T00:00:00Z"),
                "r-new", Instant.parse("2026-12-03T00:00:00Z")));

    assertThat(observed.history())
        .containsExactly(
            new ObservedMove(
                "vm-1", new HostPair("a", "b"), 2_000_000_000L, 20, OptionalDouble.empty(), 2),
            new ObservedMove(
                "vm-1", new HostPair("b", "a"), 2_000_000_000L, 40, OptionalDouble.of(0.25), 0),
            new ObservedMove(
                "vm-2", new HostPair("a", "b"), 1_000_000_000L, 10, OptionalDouble.empty(), 1));
    // Fitting needs the pools (memory, NICs): the planner's topology does it.
    assertThat(observed.vmBehaviour()).isEmpty();
    assertThat(observed.history().get(0).weight()).isEqualTo(0.25);
  }

  @Test
  void movesWithoutBytesOrDurationSayNothing() {
    CalibrationObservations observed =
        JournalCalibration.of(
            List.of(
                new CompletedMove("r1", "vm-1", "a", "b", 4_000_000_000L, 0, 0),
                new CompletedMove("r1", "vm-2", "a", "b", 0, 60, 0)));

    assertThat(observed.history()).isEmpty();
    assertThat(JournalCalibration.of(List.of()).history()).isEmpty();
  }
}

package io.xemigrate.planner.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.xemigrate.storage.estimate.DiskCopy;
import io.xemigrate.storage.estimate.DiskCopyEstimator;
import io.xemigrate.xapi.model.PowerState;
import io.xemigrate.xapi.model.Vm;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Inverting the pre-copy model: moves "measured" by the model itself at a hidden rate and profile
 * must come back as a profile that predicts the same durations, and as the pair's stream rate.
 */
class HistoryFitTest {
  private static final long GIB = 1L << 30;
  private static final double STREAM = 180e6;
  private static final PrecopyModel MODEL = PrecopyModel.xenDefaults();
  private static final MovePredictor PREDICTOR =
      new MovePredictor(MODEL, DiskCopyEstimator.defaults());
  private static final Function<HostPair, Optional<HistoryFit.Link>> LINKS =
      pair -> Optional.of(new HistoryFit.Link(false, 1.25e9, 250e6));

  private static Vm vm(String uuid, long memory) {
    return Vm.builder(uuid)
        .powerState(PowerState.RUNNING)
        .residentOnHostUuid("a")
        .memoryActual(memory)
        .build();
  }

  /** A move of {@code uuid} as the model predicts it with the hidden {@code truth}. */
  private static ObservedMove measured(
      String uuid, long memory, DirtyProfile truth, int age, List<DiskCopy> disks) {
    MoveDemand move = MoveDemand.memoryOnly(uuid, "a", "b", memory, truth).withDisks(disks);
    double seconds = PREDICTOR.predict(move, STREAM).totalSeconds();
    return new ObservedMove(
        uuid,
        new HostPair("a", "b"),
        memory + move.diskBytes(),
        seconds,
        OptionalDouble.empty(),
        age);
  }

  private static CalibrationObservations fit(List<ObservedMove> history, Map<String, Vm> vms) {
    return HistoryFit.fit(
        CalibrationObservations.of(history), vms, LINKS, MODEL, DiskCopyEstimator.defaults());
  }

  @Test
  void theQuietMovesOfAPairGiveItsStreamRateAndEachVmsDurationIsReproduced() {
    DirtyProfile quiet = new DirtyProfile(0, 0);
    DirtyProfile busy = new DirtyProfile(90e6, 2 * GIB);
    DirtyProfile thrasher = new DirtyProfile(400e6, 3 * GIB);
    List<ObservedMove> history =
        List.of(
            measured("quiet", 4 * GIB, quiet, 0, List.of()),
            measured("quiet-too", 2 * GIB, quiet, 0, List.of()),
            measured("busy", 8 * GIB, busy, 0, List.of()),
            measured("thrasher", 6 * GIB, thrasher, 0, List.of()));
    Map<String, Vm> vms =
        Map.of(
            "quiet", vm("quiet", 4 * GIB),
            "quiet-too", vm("quiet-too", 2 * GIB),
            "busy", vm("busy", 8 * GIB),
            "thrasher", vm("thrasher", 6 * GIB));

    CalibrationObservations fitted = fit(history, vms);

    assertThat(fitted.streamBandwidth("a", "b").orElseThrow()).isCloseTo(STREAM, within(1e6));
    for (ObservedMove move : history) {
      ObservedVmBehaviour behaviour = fitted.behaviourOf(move.vmUuid()).orElseThrow();
      DirtyProfile profile =
          new DirtyProfile(
              behaviour.dirtyRateBytesPerSecond(), behaviour.writableWorkingSetBytes());
      double predicted =
          PREDICTOR
              .predict(
                  MoveDemand.memoryOnly(move.vmUuid(), "a", "b", move.bytesSent(), profile),
                  fitted.streamBandwidth("a", "b").orElseThrow())
              .totalSeconds();
      assertThat(predicted)
          .as(move.vmUuid())
          .isCloseTo(move.seconds(), within(0.02 * move.seconds()));
      assertThat(behaviour.movesObserved()).isEqualTo(1);
    }
    // The thrasher did not converge: its fitted rate is above the link, its WWS what each round
    // resent.
    ObservedVmBehaviour thrashing = fitted.behaviourOf("thrasher").orElseThrow();
    assertThat(thrashing.dirtyRateBytesPerSecond()).isGreaterThan(STREAM);
    assertThat(thrashing.writableWorkingSetBytes()).isBetween(2 * GIB, 4 * GIB);
  }

  @Test
  void oneMismeasuredMoveDoesNotSetThePairsRate() {
    // A move timed by another clock: 4 GiB "in 3 s" would be a 1.4 GB/s stream.
    ObservedMove wrong =
        new ObservedMove(
            "wrong", new HostPair("a", "b"), 4 * GIB, 3.0 + 2.1, OptionalDouble.empty(), 0);
    List<ObservedMove> history =
        List.of(
            wrong,
            measured("quiet", 4 * GIB, DirtyProfile.NONE, 0, List.of()),
            measured("quiet-too", 2 * GIB, DirtyProfile.NONE, 0, List.of()));

    CalibrationObservations fitted =
        fit(
            history,
            Map.of(
                "wrong", vm("wrong", 4 * GIB),
                "quiet", vm("quiet", 4 * GIB),
                "quiet-too", vm("quiet-too", 2 * GIB)));

    assertThat(fitted.streamBandwidth("a", "b").orElseThrow()).isCloseTo(STREAM, within(1e6));
  }

  @Test
  void olderRunsWeighLess() {
    DirtyProfile before = new DirtyProfile(20e6, GIB);
    DirtyProfile now = new DirtyProfile(80e6, GIB);
    List<ObservedMove> history =
        List.of(
            measured("quiet", 4 * GIB, DirtyProfile.NONE, 0, List.of()),
            measured("vm", 8 * GIB, before, 3, List.of()),
            measured("vm", 8 * GIB, now, 0, List.of()));

    ObservedVmBehaviour fitted =
        fit(history, Map.of("vm", vm("vm", 8 * GIB), "quiet", vm("quiet", 4 * GIB)))
            .behaviourOf("vm")
            .orElseThrow();

    assertThat(fitted.movesObserved()).isEqualTo(2);
    // Weights 1 and 1/8: the geometric mean sits near the newest rate.
    assertThat(fitted.dirtyRateBytesPerSecond()).isBetween(60e6, 80e6);
  }

  @Test
  void theDisksAMoveCopiedAreNotReadAsDirtying() {
    List<DiskCopy> disks = List.of(new DiskCopy("d", 20 * GIB, "s1", "s2"));
    List<ObservedMove> history =
        List.of(
            measured("quiet", 4 * GIB, DirtyProfile.NONE, 0, List.of()),
            measured("vm", 4 * GIB, new DirtyProfile(5e6, GIB / 4), 0, disks));

    ObservedVmBehaviour fitted =
        fit(history, Map.of("vm", vm("vm", 4 * GIB), "quiet", vm("quiet", 4 * GIB)))
            .behaviourOf("vm")
            .orElseThrow();

    assertThat(fitted.dirtyRateBytesPerSecond()).isLessThan(20e6);
  }

  @Test
  void movesOfUnknownVmsOrHostsTeachNothingAndGivenFiguresWin() {
    ObservedMove move = measured("gone", 4 * GIB, DirtyProfile.NONE, 0, List.of());
    CalibrationObservations none =
        HistoryFit.fit(
            CalibrationObservations.of(List.of(move)),
            Map.of(),
            pair -> Optional.empty(),
            MODEL,
            DiskCopyEstimator.defaults());
    assertThat(none.streamBytesPerSecond()).isEmpty();
    assertThat(none.vmBehaviour()).isEmpty();

    CalibrationObservations given =
        HistoryFit.fit(
            new CalibrationObservations(
                Map.of(new HostPair("a", "b"), 50e6),
                Map.of("gone", new ObservedVmBehaviour(1e6, GIB, 3)),
                List.of(move)),
            Map.of("gone", vm("gone", 4 * GIB)),
            LINKS,
            MODEL,
            DiskCopyEstimator.defaults());
    assertThat(given.streamBandwidth("a", "b")).contains(50e6);
    assertThat(given.behaviourOf("gone").orElseThrow().movesObserved()).isEqualTo(3);
  }
}

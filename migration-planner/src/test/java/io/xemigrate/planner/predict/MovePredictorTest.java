package io.xemigrate.planner.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.xemigrate.storage.estimate.DiskCopy;
import io.xemigrate.storage.estimate.DiskCopyEstimator;
import io.xemigrate.storage.estimate.SrThroughput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MovePredictorTest {
  private static final long GIB = 1L << 30;
  private static final double GBIT = 1e9 / 8;
  private final MovePredictor bare =
      new MovePredictor(PrecopyModel.bare(), DiskCopyEstimator.defaults());

  private static MoveDemand move(long memory, DirtyProfile dirty) {
    return MoveDemand.memoryOnly("vm", "a", "b", memory, dirty);
  }

  @Test
  void withoutDirtyingOneRoundSendsTheMemoryAtLinkSpeed() {
    MovePrediction p = bare.predict(move(8 * GIB, DirtyProfile.NONE), 1e9);

    assertThat(p.totalSeconds()).isCloseTo(8.0 * GIB / 1e9, within(1e-9));
    assertThat(p.liveRounds()).isEqualTo(1);
    assertThat(p.downtimeSeconds()).isZero();
    assertThat(p.bytesSent()).isCloseTo(8.0 * GIB, within(1e-3));
    assertThat(p.converged()).isTrue();
  }

  @Test
  void aConstantRateBelowTheLinkFollowsTheGeometricSeries() {
    long memory = 4 * GIB;
    double bandwidth = 1e9;
    double rate = 0.5e9; // λ = 0.5: rounds M, M/2, M/4, ... never under 200 KiB in 5 rounds
    MovePrediction p = bare.predict(move(memory, DirtyProfile.constant(rate)), bandwidth);

    double lambda = rate / bandwidth;
    double live = memory * (1 - Math.pow(lambda, 5)) / (1 - lambda);
    double paused = memory * Math.pow(lambda, 5);
    assertThat(p.liveRounds()).isEqualTo(5);
    assertThat(p.converged()).isFalse();
    assertThat(p.downtimeSeconds()).isCloseTo(paused / bandwidth, within(1e-9));
    assertThat(p.totalSeconds()).isCloseTo((live + paused) / bandwidth, within(1e-9));
    assertThat(p.bytesSent()).isCloseTo(live + paused, within(1.0));
    assertThat(p.roundPageBytes()).hasSize(6).first().isEqualTo((double) memory);
  }

  @Test
  void aSlowWriterConvergesOnceTheDirtySetIsUnderFiftyPages() {
    long memory = 4 * GIB;
    // λ = 0.01: dirty sets 43 MB, 430 KB, 4.3 KB: under 200 KiB after the third live round.
    MovePrediction p = bare.predict(move(memory, DirtyProfile.constant(1e7)), 1e9);

    assertThat(p.liveRounds()).isEqualTo(3);
    assertThat(p.converged()).isTrue();
    assertThat(p.pausedRoundBytes()).isCloseTo(memory * 1e-6, within(1e-3));
    assertThat(p.pausedRoundBytes()).isLessThan(PrecopyModel.DEFAULT_DIRTY_THRESHOLD_BYTES);
  }

  @Test
  void aRateAtOrAboveTheLinkStopsAtTheIterationLimitResendingEverything() {
    long memory = 2 * GIB;
    MovePrediction p = bare.predict(move(memory, DirtyProfile.constant(2e9)), 1e9);

    assertThat(p.liveRounds()).isEqualTo(PrecopyModel.DEFAULT_MAX_LIVE_ROUNDS);
    assertThat(p.converged()).isFalse();
    assertThat(p.bytesSent()).isCloseTo(6.0 * memory, within(1.0));
    assertThat(p.downtimeSeconds()).isCloseTo(memory / 1e9, within(1e-9));
  }

  @Test
  void theWritableWorkingSetCapsWhatAFastWriterLeavesForThePause() {
    long memory = 16 * GIB;
    long wws = 256L << 20;
    MovePrediction p = bare.predict(move(memory, new DirtyProfile(2e9, wws)), 1e9);

    assertThat(p.converged()).isFalse();
    assertThat(p.downtimeSeconds()).isCloseTo(wws / 1e9, within(1e-9));
    assertThat(p.bytesSent()).isCloseTo(memory + 5.0 * wws, within(1.0));
  }

  /**
   * The worked examples of docs/migration-model.md#worked-examples (decimal link units, table
   * rounding).
   */
  @ParameterizedTest(name = "{0} GiB at {1} Gbit/s dirtying {2} MB/s")
  @CsvSource({
    "8, 1, 50, 5, 114, 0.704, 13.3",
    "8, 10, 50, 4, 7.2, 0.0005, 8.3",
    "8, 10, 500, 5, 11.4, 0.070, 13.3",
    "8, 10, 1000, 5, 25.4, 2.25, 29.5",
    "64, 10, 200, 5, 65.5, 0.006, 76.2",
    "8, 1, 200, 5, 412, 68.7, 48",
  })
  void reproducesTheReferenceWorkedExamples(
      long memoryGib,
      double linkGbit,
      double dirtyMegabytes,
      int rounds,
      double seconds,
      double downtime,
      double sentGib) {
    MovePrediction p =
        bare.predict(
            move(memoryGib * GIB, DirtyProfile.constant(dirtyMegabytes * 1e6)), linkGbit * GBIT);

    assertThat(p.liveRounds()).isEqualTo(rounds);
    assertThat(p.totalSeconds()).isCloseTo(seconds, within(seconds * 0.01));
    assertThat(p.downtimeSeconds()).isCloseTo(downtime, within(Math.max(downtime * 0.02, 0.001)));
    assertThat(p.bytesSent() / GIB).isCloseTo(sentGib, within(sentGib * 0.01));
  }

  @Test
  void addsFixedCostsFramingAndDisksCopiedOneAfterAnother() {
    PrecopyModel model = PrecopyModel.xenDefaults();
    DiskCopyEstimator disks =
        new DiskCopyEstimator(
            5.0, Map.of("slow", new SrThroughput(1e8, 1e8)), SrThroughput.UNMEASURED);
    MovePredictor predictor = new MovePredictor(model, disks);
    MoveDemand demand =
        move(GIB, DirtyProfile.NONE)
            .withDisks(
                List.of(
                    new DiskCopy("d1", 1_000_000_000L, "slow", "fast"),
                    new DiskCopy("d2", 0, "x", "y")));

    MovePrediction p = predictor.predict(demand, 1e9);

    double memoryWire = GIB * (1 + model.wireOverheadFraction());
    double diskSeconds = (5.0 + 10.0) + (5.0 + 0.0);
    assertThat(p.diskSeconds()).isCloseTo(diskSeconds, within(1e-9));
    assertThat(p.totalSeconds())
        .isCloseTo(
            model.setupSeconds() + diskSeconds + memoryWire / 1e9 + model.switchOverSeconds(),
            within(1e-9));
    assertThat(p.downtimeSeconds()).isCloseTo(model.switchOverSeconds(), within(1e-12));
    assertThat(p.bytesSent()).isCloseTo(1e9 + memoryWire, within(1.0));
  }

  @Test
  void aCrossPoolMovePaysTheLongerSetup() {
    PrecopyModel model = PrecopyModel.xenDefaults();
    MovePredictor predictor = new MovePredictor(model, DiskCopyEstimator.defaults());
    MoveDemand intra = move(GIB, DirtyProfile.NONE);
    MoveDemand cross =
        new MoveDemand("vm", "a", "b", GIB, DirtyProfile.NONE, intra.disks(), 0, true);

    double difference =
        predictor.predict(cross, 1e9).totalSeconds() - predictor.predict(intra, 1e9).totalSeconds();

    assertThat(difference)
        .isCloseTo(model.crossPoolSetupSeconds() - model.setupSeconds(), within(1e-9));
  }

  @Test
  void rejectsAZeroBandwidth() {
    assertThatThrownBy(() -> bare.predict(move(GIB, DirtyProfile.NONE), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

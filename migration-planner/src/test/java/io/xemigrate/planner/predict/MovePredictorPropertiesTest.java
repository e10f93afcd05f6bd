package io.xemigrate.planner.predict;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.storage.estimate.DiskCopyEstimator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

/** The bounds every prediction must respect (docs/migration-model.md#prediction-bounds). */
class MovePredictorPropertiesTest {
  private final PrecopyModel model = PrecopyModel.xenDefaults();
  private final MovePredictor predictor = new MovePredictor(model, DiskCopyEstimator.defaults());

  @Property(tries = 300)
  void dataAndTimeStayWithinThePhysicalBounds(
      @ForAll @LongRange(min = 0, max = 1L << 37) long memory,
      @ForAll @DoubleRange(min = 0, max = 5e9) double rate,
      @ForAll @LongRange(min = 0, max = 1L << 37) long wws,
      @ForAll @DoubleRange(min = 1e6, max = 1e10) double bandwidth) {
    MovePrediction p =
        predictor.predict(
            MoveDemand.memoryOnly("vm", "a", "b", memory, new DirtyProfile(rate, wws)), bandwidth);

    double wire = 1 + model.wireOverheadFraction();
    assertThat(p.bytesSent()).isLessThanOrEqualTo(6.0 * memory * wire * (1 + 1e-9) + 1);
    assertThat(p.bytesSent()).isGreaterThanOrEqualTo(memory * wire * (1 - 1e-9));
    assertThat(p.totalSeconds())
        .isGreaterThanOrEqualTo(memory * wire / bandwidth * (1 - 1e-9) + model.setupSeconds());
    assertThat(p.downtimeSeconds()).isGreaterThanOrEqualTo(model.switchOverSeconds());
    assertThat(p.downtimeSeconds()).isLessThanOrEqualTo(p.totalSeconds());
    assertThat(p.liveRounds()).isBetween(1, model.maxLiveRounds());
    assertThat(p.converged()).isEqualTo(model.isUnderThreshold(p.pausedRoundBytes()));
  }

  /**
   * More bandwidth never costs time or bytes. The pause is not monotone: a faster first round can
   * end under the threshold with a larger dirty set than a slower second round leaves, so the
   * faster move may pause longer, but never beyond sending the threshold.
   */
  @Property(tries = 200)
  void moreBandwidthNeverMakesAMoveSlower(
      @ForAll @LongRange(min = 1L << 28, max = 1L << 36) long memory,
      @ForAll @DoubleRange(min = 0, max = 2e9) double rate,
      @ForAll @LongRange(min = 0, max = 1L << 36) long wws,
      @ForAll @DoubleRange(min = 1e7, max = 5e9) double bandwidth) {
    MoveDemand move = MoveDemand.memoryOnly("vm", "a", "b", memory, new DirtyProfile(rate, wws));

    MovePrediction slow = predictor.predict(move, bandwidth);
    MovePrediction fast = predictor.predict(move, bandwidth * 1.5);

    assertThat(fast.totalSeconds()).isLessThanOrEqualTo(slow.totalSeconds() * (1 + 1e-9));
    double thresholdPause =
        model.wireBytes(model.dirtyThresholdBytes()) / (bandwidth * 1.5)
            + model.switchOverSeconds();
    assertThat(fast.downtimeSeconds())
        .isLessThanOrEqualTo(Math.max(slow.downtimeSeconds() * (1 + 1e-9), thresholdPause));
    assertThat(fast.bytesSent()).isLessThanOrEqualTo(slow.bytesSent() * (1 + 1e-9));
  }
}

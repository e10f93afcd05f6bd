package io.xemigrate.planner.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xemigrate.storage.estimate.DiskCopyEstimator;
import org.junit.jupiter.api.Test;

/** p10-p50-p90 of a move whose dirty rate and stream rate are only priors. */
class IntervalPredictorTest {
  private static final long GIB = 1L << 30;
  private final MovePredictor predictor =
      new MovePredictor(PrecopyModel.xenDefaults(), DiskCopyEstimator.defaults());

  private static MoveDemand move(double rate) {
    return MoveDemand.memoryOnly("vm", "a", "b", 8 * GIB, new DirtyProfile(rate, 2 * GIB));
  }

  @Test
  void theIntervalBracketsThePlainPredictionAndWidensWithTheSpread() {
    MoveDemand busy = move(120e6);
    MoveInterval narrow = new IntervalPredictor(predictor).interval(busy, 1.25e9, 0.3, 0);
    MoveInterval wide = new IntervalPredictor(predictor).interval(busy, 1.25e9, 1.0, 0);
    double plain = predictor.predict(busy, 1.25e9).totalSeconds();

    assertThat(narrow.p50Seconds()).isEqualTo(plain);
    assertThat(narrow.p10Seconds()).isLessThan(plain);
    assertThat(narrow.p90Seconds()).isGreaterThan(plain);
    assertThat(wide.p10Seconds()).isLessThan(narrow.p10Seconds());
    assertThat(wide.p90Seconds()).isGreaterThan(narrow.p90Seconds());
    assertThat(wide.p90DowntimeSeconds()).isGreaterThanOrEqualTo(wide.p50DowntimeSeconds());
    assertThat(wide.covers(plain)).isTrue();
    assertThat(wide.covers(wide.p90Seconds() * 1.01)).isFalse();
  }

  @Test
  void anIdleVmOrNoSpreadGivesAPoint() {
    MoveInterval idle = new IntervalPredictor(predictor).interval(move(0), 1.25e9, 1.0, 0);
    assertThat(idle.p10Seconds()).isEqualTo(idle.p90Seconds());
    MoveInterval point = new IntervalPredictor(predictor).interval(move(50e6), 1.25e9, 0, 0);
    assertThat(point.p10Seconds()).isEqualTo(point.p90Seconds());
    assertThatThrownBy(() -> new IntervalPredictor(predictor).interval(move(0), 1.25e9, -1, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anUnknownStreamRateWidensEvenAnIdleVmsInterval() {
    MoveInterval assumed =
        new IntervalPredictor(predictor)
            .interval(move(0), 250e6, 0, IntervalPredictor.ASSUMED_LINK_SPREAD);
    MoveInterval measured =
        new IntervalPredictor(predictor)
            .interval(move(0), 250e6, 0, IntervalPredictor.MEASURED_LINK_SPREAD);

    assertThat(assumed.p90Seconds() / assumed.p10Seconds()).isGreaterThan(1.5);
    assertThat(measured.p90Seconds() - measured.p10Seconds())
        .isPositive()
        .isLessThan(assumed.p90Seconds() - assumed.p10Seconds());
  }

  @Test
  void theSpreadFollowsWhatIsKnownOfTheDirtyRate() {
    assertThat(IntervalPredictor.dirtySpread(DirtySource.DEFAULT_BY_KIND))
        .isGreaterThan(IntervalPredictor.dirtySpread(DirtySource.OTHER_CONFIG));
    assertThat(IntervalPredictor.dirtySpread(DirtySource.OTHER_CONFIG))
        .isGreaterThan(IntervalPredictor.dirtySpread(DirtySource.CALIBRATION));
  }
}

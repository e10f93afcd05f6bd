package io.xemigrate.planner.predict;

import com.google.common.collect.ImmutableList;
import io.xemigrate.storage.estimate.DiskCopyEstimate;
import io.xemigrate.storage.estimate.DiskCopyEstimator;

/**
 * Predicts one move at a constant transfer rate, in closed form.
 *
 * <p>With M populated bytes, payload rate b (wire rate over framing), dirty rate D, WWS H and λ =
 * D/b: the first live round sends M; the dirty set after it is V_1 = min(λ·M, H, M); after that
 * each round's dirty set is λ times the previous one while λ &lt; 1 and stays at V_1 when λ ≥ 1, so
 * V_i = V_1·ρ^(i−1) with ρ = min(λ, 1) (a geometric series). The live stage ends after L rounds, L
 * the first round with V_L under the threshold, or the cap. See the README's "Prediction model" for
 * the sums.
 */
public final class MovePredictor {
  private final PrecopyModel model;
  private final DiskCopyEstimator diskEstimator;

  /** A predictor with these stop rules and these SR throughputs. */
  public MovePredictor(PrecopyModel model, DiskCopyEstimator diskEstimator) {
    this.model = model;
    this.diskEstimator = diskEstimator;
  }

  /** The stop rules this predictor uses. */
  public PrecopyModel model() {
    return model;
  }

  /** The disk estimator this predictor uses. */
  public DiskCopyEstimator diskEstimator() {
    return diskEstimator;
  }

  /** The prediction for {@code move} at {@code bytesPerSecond} on the wire, throughout. */
  public MovePrediction predict(MoveDemand move, double bytesPerSecond) {
    if (!(bytesPerSecond > 0) || Double.isInfinite(bytesPerSecond)) {
      throw new IllegalArgumentException("bytesPerSecond must be finite and > 0");
    }
    DiskCopyEstimate disks = diskEstimator.estimate(move.disks(), bytesPerSecond);
    double memory = move.memoryPopulatedBytes();
    double payloadRate = bytesPerSecond / (1 + model.wireOverheadFraction());
    double lambda = move.dirty().rateBytesPerSecond() / payloadRate;
    double first = move.dirty().dirtiedDuring(memory / payloadRate, move.memoryPopulatedBytes());
    double ratio = Math.min(lambda, 1.0);
    int liveRounds = liveRounds(first, ratio);
    double paused = first * Math.pow(ratio, liveRounds - 1);
    double liveDirtyBytes = geometricSum(first, ratio, liveRounds - 1);
    double memoryWire = model.wireBytes(memory + liveDirtyBytes + paused);
    double pausedSeconds = model.wireBytes(paused) / bytesPerSecond;
    double downtime = pausedSeconds + model.switchOverSeconds();
    double total =
        model.setupSecondsFor(move.crossPool())
            + disks.totalSeconds()
            + model.wireBytes(memory + liveDirtyBytes) / bytesPerSecond
            + downtime;
    ImmutableList.Builder<Double> rounds = ImmutableList.builder();
    rounds.add(memory);
    for (int i = 1; i <= liveRounds; i++) {
      rounds.add(first * Math.pow(ratio, i - 1));
    }
    return new MovePrediction(
        move.vmUuid(),
        bytesPerSecond,
        disks.totalSeconds(),
        liveRounds,
        rounds.build(),
        disks.bytes() + memoryWire,
        total,
        downtime,
        model.isUnderThreshold(paused));
  }

  /**
   * L, the number of live rounds: the first L ≥ 1 with V_1·ρ^(L−1) under the threshold, at most the
   * cap. Solved with a logarithm, then nudged by one where rounding lands on the boundary.
   */
  private int liveRounds(double first, double ratio) {
    int cap = model.maxLiveRounds();
    if (model.isUnderThreshold(first)) {
      return 1;
    }
    if (ratio >= 1.0) {
      return cap;
    }
    double threshold = model.dirtyThresholdBytes();
    double exponent = Math.log(threshold / first) / Math.log(ratio);
    long estimate = (long) Math.floor(exponent) + 2;
    int rounds = (int) Math.max(1, Math.min(cap, estimate));
    while (rounds > 1 && model.isUnderThreshold(first * Math.pow(ratio, rounds - 2))) {
      rounds--;
    }
    while (rounds < cap && !model.isUnderThreshold(first * Math.pow(ratio, rounds - 1))) {
      rounds++;
    }
    return rounds;
  }

  /** first·(1 + ρ + … + ρ^(count−1)), the dirty rounds sent live after the full pass. */
  private static double geometricSum(double first, double ratio, int count) {
    if (count <= 0) {
      return 0;
    }
    if (ratio >= 1.0) {
      return first * count;
    }
    return first * (1 - Math.pow(ratio, count)) / (1 - ratio);
  }
}

package io.xemigrate.planner.predict;

import io.xemigrate.storage.estimate.DiskCopyEstimator;
import io.xemigrate.storage.estimate.SrThroughput;

/**
 * Turns the uncertainty on a move's unknown rates into an interval on its duration and downtime.
 * Three rates are uncertain: the VM's dirty rate (xapi shows none), the rate its stream gets
 * (assumed until a move of the host pair was measured) and the throughput of an SR nobody measured
 * (for its disk copies). Each is log-normal around its estimate: rate × exp(σ·z), z the standard
 * normal quantile. A move takes longer when it dirties faster or sends and copies slower, so p10 is
 * predicted at the low dirty rate and the high stream and SR rates, p90 the other way round.
 */
public final class IntervalPredictor {
  /**
   * σ of an unobserved VM's dirty rate around its kind's default: a factor 3.6 either way covers
   * p10-p90 (workloads of one kind differ by that much; nothing the pool shows narrows it).
   */
  public static final double UNKNOWN_RATE_SPREAD = 1.0;

  /** σ of a dirty rate an operator stated (other_config): a hint, not a measurement. */
  public static final double HINTED_RATE_SPREAD = 0.5;

  /** σ of a dirty rate fitted from earlier moves: workloads vary from one day to the next. */
  public static final double OBSERVED_RATE_SPREAD = 0.25;

  /** σ of an assumed stream rate (the per-stream cap): transports differ by about 1.5x. */
  public static final double ASSUMED_LINK_SPREAD = 0.3;

  /** σ of a stream rate measured on the host pair. */
  public static final double MEASURED_LINK_SPREAD = 0.05;

  /** σ of an SR throughput nobody measured ({@code SrThroughput.UNMEASURED}). */
  public static final double UNMEASURED_SR_SPREAD = 0.4;

  /** The standard normal's 90th percentile. */
  private static final double Z90 = 1.2815515655446004;

  private final MovePredictor predictor;

  public IntervalPredictor(MovePredictor predictor) {
    this.predictor = predictor;
  }

  /** σ of the dirty rate for an estimate from {@code source}. */
  public static double dirtySpread(DirtySource source) {
    return switch (source) {
      case OTHER_CONFIG -> HINTED_RATE_SPREAD;
      case CALIBRATION -> OBSERVED_RATE_SPREAD;
      case DEFAULT_BY_KIND -> UNKNOWN_RATE_SPREAD;
    };
  }

  /**
   * The interval of {@code move} at {@code bytesPerSecond} on the wire.
   *
   * @param dirtySpread σ of the dirty rate (0: known)
   * @param linkSpread σ of the stream rate (0: known)
   */
  public MoveInterval interval(
      MoveDemand move, double bytesPerSecond, double dirtySpread, double linkSpread) {
    requireSpread(dirtySpread);
    requireSpread(linkSpread);
    MovePrediction low =
        withUnmeasuredSrs(Math.exp(Z90 * UNMEASURED_SR_SPREAD))
            .predict(
                scaled(move, Math.exp(-Z90 * dirtySpread)),
                bytesPerSecond * Math.exp(Z90 * linkSpread));
    MovePrediction mid = predictor.predict(move, bytesPerSecond);
    MovePrediction high =
        withUnmeasuredSrs(Math.exp(-Z90 * UNMEASURED_SR_SPREAD))
            .predict(
                scaled(move, Math.exp(Z90 * dirtySpread)),
                bytesPerSecond * Math.exp(-Z90 * linkSpread));
    return new MoveInterval(
        move.vmUuid(),
        Math.min(low.totalSeconds(), mid.totalSeconds()),
        mid.totalSeconds(),
        Math.max(high.totalSeconds(), mid.totalSeconds()),
        Math.min(low.downtimeSeconds(), Math.min(mid.downtimeSeconds(), high.downtimeSeconds())),
        mid.downtimeSeconds(),
        Math.max(low.downtimeSeconds(), Math.max(mid.downtimeSeconds(), high.downtimeSeconds())));
  }

  /** The predictor with every SR nobody measured {@code factor} times as fast. */
  private MovePredictor withUnmeasuredSrs(double factor) {
    DiskCopyEstimator disks = predictor.diskEstimator();
    SrThroughput assumed = disks.unmeasuredSr();
    return new MovePredictor(
        predictor.model(),
        new DiskCopyEstimator(
            disks.setupSecondsPerDisk(),
            disks.srThroughputs(),
            new SrThroughput(
                assumed.readBytesPerSecond() * factor, assumed.writeBytesPerSecond() * factor)));
  }

  private static void requireSpread(double spread) {
    if (!(spread >= 0) || Double.isInfinite(spread)) {
      throw new IllegalArgumentException("spread must be finite and >= 0");
    }
  }

  private static MoveDemand scaled(MoveDemand move, double factor) {
    DirtyProfile dirty = move.dirty();
    return new MoveDemand(
        move.vmUuid(),
        move.sourceHostUuid(),
        move.destinationHostUuid(),
        move.memoryPopulatedBytes(),
        new DirtyProfile(dirty.rateBytesPerSecond() * factor, dirty.writableWorkingSetBytes()),
        move.disks(),
        move.priority(),
        move.crossPool());
  }
}

package io.xemigrate.planner.predict;

/**
 * Turns a prior on a VM's dirty rate into an interval on its move. The prior is log-normal around
 * the estimate: rate × exp(σ·z) with z the standard normal quantile; a move's time and downtime
 * grow with the rate, so their p10 and p90 are the predictions at the rate's p10 and p90.
 */
public final class IntervalPredictor {
  /**
   * σ of an unobserved VM's dirty rate around its kind's default: a factor 3.6 either way covers
   * p10-p90 (workloads of one kind differ by that much; nothing the pool shows narrows it).
   */
  public static final double UNKNOWN_RATE_SPREAD = 1.0;

  /** The standard normal's 90th percentile. */
  private static final double Z90 = 1.2815515655446004;

  private final MovePredictor predictor;
  private final double spread;

  /**
   * @param spread σ of the log-normal prior on the dirty rate (0: a point, no interval)
   */
  public IntervalPredictor(MovePredictor predictor, double spread) {
    if (!(spread >= 0) || Double.isInfinite(spread)) {
      throw new IllegalArgumentException("spread must be finite and >= 0");
    }
    this.predictor = predictor;
    this.spread = spread;
  }

  /** The interval of {@code move} at {@code bytesPerSecond} on the wire. */
  public MoveInterval interval(MoveDemand move, double bytesPerSecond) {
    MovePrediction low = predictor.predict(scaled(move, Math.exp(-Z90 * spread)), bytesPerSecond);
    MovePrediction mid = predictor.predict(move, bytesPerSecond);
    MovePrediction high = predictor.predict(scaled(move, Math.exp(Z90 * spread)), bytesPerSecond);
    return new MoveInterval(
        move.vmUuid(),
        Math.min(low.totalSeconds(), mid.totalSeconds()),
        mid.totalSeconds(),
        Math.max(high.totalSeconds(), mid.totalSeconds()),
        Math.min(low.downtimeSeconds(), Math.min(mid.downtimeSeconds(), high.downtimeSeconds())),
        mid.downtimeSeconds(),
        Math.max(low.downtimeSeconds(), Math.max(mid.downtimeSeconds(), high.downtimeSeconds())));
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

package io.xemigrate.simulator.physics;

/**
 * The closed-form constant-rate pre-copy model of docs/migration-model.md#round-model, written
 * separately from the engine as the test oracle.
 */
record ClosedFormPrecopy(int rounds, double downtimeSeconds, double totalSeconds, double bytes) {

  static ClosedFormPrecopy of(
      double memory, double bandwidth, double dirtyRate, int maxRounds, double threshold) {
    double lambda = dirtyRate / bandwidth;
    int n = 0;
    double round = memory;
    double live = memory;
    while (n < maxRounds) {
      n++;
      round = Math.min(memory, round * lambda);
      live += round;
      if (round <= threshold) {
        break;
      }
    }
    double paused = Math.min(memory, round * lambda);
    return new ClosedFormPrecopy(n, paused / bandwidth, (live + paused) / bandwidth, live + paused);
  }
}

package io.xemigrate.planner.schedule;

import io.xemigrate.planner.predict.MoveDemand;
import io.xemigrate.planner.predict.MovePrediction;

/**
 * A move with what the orders sort on.
 *
 * @param notConvergingShared whether it would not converge with its NICs shared
 */
record Candidate(
    MoveDemand move, MovePrediction solo, boolean notConvergingShared, int inventoryIndex) {

  boolean exclusive() {
    return Exclusivity.BROAD.applies(this);
  }
}

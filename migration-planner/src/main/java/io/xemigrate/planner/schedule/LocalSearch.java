package io.xemigrate.planner.schedule;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Local search from the best list: swaps neighbours, from the tail of the list (which decides the
 * makespan) towards its head, keeping each swap that improves the objective without lengthening the
 * makespan, within a budget of simulations that shrinks as batches grow.
 */
final class LocalSearch {
  /** Most simulations for a small batch. */
  private static final int MAX_STEPS = 96;

  /** Simulated moves the search may spend in all (its budget for a large batch). */
  private static final int MOVE_BUDGET = 20_000;

  private final Trials trials;
  private final ScheduleObjective objective;

  LocalSearch(Trials trials, ScheduleObjective objective) {
    this.trials = trials;
    this.objective = objective;
  }

  /** The best trial found from {@code start} (itself when no swap helps). */
  Trial improve(Trial start) {
    int size = start.order().size();
    int budget = size < 2 ? 0 : Math.min(MAX_STEPS, MOVE_BUDGET / size);
    Trial best = start;
    int accepted = 0;
    boolean improved = true;
    while (improved && budget > 0) {
      improved = false;
      for (int i = size - 2; i >= 0 && budget > 0; i--, budget--) {
        List<Candidate> swapped = new ArrayList<>(best.order());
        Collections.swap(swapped, i, i + 1);
        Trial trial = trials.run(swapped, best.exclusivity(), best.beyondFill(), best.label());
        // Never let the makespan creep up: within the tolerance, each accepted swap could add 1 %.
        if (objective.isBetter(trial.schedule(), best.schedule())
            && trial.schedule().makespanSeconds() <= best.schedule().makespanSeconds()) {
          best = trial;
          accepted++;
          improved = true;
        }
      }
    }
    return accepted == 0
        ? best
        : best.describedAs(best.schedule().heuristic() + ", then " + accepted + " improving swaps");
  }
}

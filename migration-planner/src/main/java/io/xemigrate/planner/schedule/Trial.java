package io.xemigrate.planner.schedule;

import java.util.List;

/**
 * One simulated candidate: the list, how it was run, and the schedule it gave.
 *
 * @param order the moves in list order
 * @param exclusivity which moves got an unshared stream
 * @param beyondFill the link-filling variant of the per-host limits
 * @param label the name of the list order
 * @param schedule the simulated schedule
 */
record Trial(
    List<Candidate> order,
    Exclusivity exclusivity,
    int beyondFill,
    String label,
    Schedule schedule) {

  /** This trial with another heuristic description. */
  Trial describedAs(String heuristic) {
    return new Trial(
        order,
        exclusivity,
        beyondFill,
        label,
        new Schedule(
            schedule.strategy(),
            heuristic,
            schedule.queue(),
            schedule.makespanSeconds(),
            schedule.lowerBound(),
            schedule.deadlineSeconds()));
  }
}

package io.xemigrate.planner.schedule;

import java.util.Optional;

/**
 * The scheduler's criteria, in order: (with a deadline) the least priority weight of moves ending
 * after it; the shortest makespan then the least total downtime ({@link Objective#DOWNTIME}: the
 * other way round); the priority-weighted sum of end times. Makespans and downtimes within the
 * relative tolerance count as equal, so a later criterion can decide between near-identical
 * schedules; the first candidate wins a full tie.
 */
record ScheduleObjective(double tolerance, Optional<Double> deadlineSeconds, Objective objective) {

  ScheduleObjective(double tolerance, Optional<Double> deadlineSeconds) {
    this(tolerance, deadlineSeconds, Objective.BALANCED);
  }

  boolean isBetter(Schedule candidate, Schedule incumbent) {
    if (deadlineSeconds.isPresent()) {
      int late = Double.compare(lateWeight(candidate), lateWeight(incumbent));
      if (late != 0) {
        return late < 0;
      }
    }
    int makespan =
        compareWithin(candidate.makespanSeconds(), incumbent.makespanSeconds(), tolerance);
    int downtime =
        compareWithin(
            candidate.totalDowntimeSeconds(), incumbent.totalDowntimeSeconds(), tolerance);
    int first =
        switch (objective) {
          case MAKESPAN, BALANCED -> makespan;
          case DOWNTIME -> downtime;
        };
    if (first != 0) {
      return first < 0;
    }
    int second =
        switch (objective) {
          case MAKESPAN, BALANCED -> downtime;
          case DOWNTIME -> makespan;
        };
    if (second != 0) {
      return second < 0;
    }
    return priorityWeightedEnd(candidate) < priorityWeightedEnd(incumbent);
  }

  private static int compareWithin(double a, double b, double tolerance) {
    if (Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b))) {
      return 0;
    }
    return Double.compare(a, b);
  }

  private double lateWeight(Schedule schedule) {
    double deadline = deadlineSeconds.orElseThrow();
    int lowest = lowestPriority(schedule);
    double weight = 0;
    for (ScheduledMove move : schedule.queue()) {
      if (move.endSeconds() > deadline) {
        weight += move.priority() - lowest + 1;
      }
    }
    return weight;
  }

  private static double priorityWeightedEnd(Schedule schedule) {
    int lowest = lowestPriority(schedule);
    double sum = 0;
    for (ScheduledMove move : schedule.queue()) {
      sum += (move.priority() - lowest + 1) * move.endSeconds();
    }
    return sum;
  }

  private static int lowestPriority(Schedule schedule) {
    return schedule.queue().stream().mapToInt(ScheduledMove::priority).min().orElse(0);
  }
}

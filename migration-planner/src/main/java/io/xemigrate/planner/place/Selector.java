package io.xemigrate.planner.place;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Picks the feasible host with the highest total score; ties go to the smallest host UUID. */
final class Selector {
  static final Comparator<Scored> BEST_FIRST =
      Comparator.comparingDouble(Scored::total).reversed().thenComparing(Scored::hostUuid);

  private Selector() {}

  static Optional<Scored> select(List<Scored> feasible) {
    return feasible.stream().min(BEST_FIRST);
  }
}

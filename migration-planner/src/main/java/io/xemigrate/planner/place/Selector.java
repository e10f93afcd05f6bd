package io.xemigrate.planner.place;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Picks the feasible host with the highest total score; ties go to the smallest host UUID. */
public final class Selector {
  static final Comparator<HostScore> BEST_FIRST =
      Comparator.comparingDouble(HostScore::total).reversed().thenComparing(HostScore::hostUuid);

  private Selector() {}

  public static Optional<HostScore> select(List<HostScore> feasible) {
    return feasible.stream().min(BEST_FIRST);
  }
}

package io.xemigrate.planner.schedule;

/** Which moves get an unshared stream. */
enum Exclusivity {
  /** Every move that would not converge on a shared link. */
  BROAD("unshared stream for every move not converging when shared"),
  /** Only moves that would converge alone but not when shared. */
  STRICT("unshared stream for moves converging only alone"),
  /** None (the policy turned exclusivity off). */
  NONE("no unshared streams");

  private final String label;

  Exclusivity(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  boolean applies(Candidate candidate) {
    return switch (this) {
      case BROAD -> candidate.notConvergingShared();
      case STRICT -> candidate.notConvergingShared() && candidate.solo().converged();
      case NONE -> false;
    };
  }
}

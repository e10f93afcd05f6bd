package io.xemigrate.planner.place;

import io.xemigrate.planner.check.HostContext;

/** Ranks a feasible host for a VM: one named score in [-1, 1], higher is better. */
public interface Scorer {
  /** A short stable name, the key of the score in explanations. */
  String name();

  double score(HostContext context, PlanLedger ledger);
}

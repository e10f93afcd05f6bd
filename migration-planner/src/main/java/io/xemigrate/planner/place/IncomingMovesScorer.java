package io.xemigrate.planner.place;

import io.xemigrate.planner.check.HostContext;

/**
 * Prefers hosts that receive fewer moves of this plan, so that moves can run in parallel: 1 for
 * none, 0 for one, tending to -1: {@code (1 - k) / (1 + k)}.
 */
public final class IncomingMovesScorer implements Scorer {
  @Override
  public String name() {
    return "incoming-moves";
  }

  @Override
  public double score(HostContext context, PlanLedger ledger) {
    double k = context.plannedIncoming();
    return (1 - k) / (1 + k);
  }
}

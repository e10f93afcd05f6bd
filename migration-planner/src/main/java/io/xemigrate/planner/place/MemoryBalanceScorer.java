package io.xemigrate.planner.place;

import io.xemigrate.planner.check.HostContext;
import io.xemigrate.planner.check.MemoryArithmetic;
import io.xemigrate.xapi.model.PowerState;

/**
 * Prefers the host with the largest share of its memory still free after the move, which spreads
 * the load: 1 when the host stays empty, -1 when it ends full.
 */
public final class MemoryBalanceScorer implements Scorer {
  @Override
  public String name() {
    return "memory-balance";
  }

  @Override
  public double score(HostContext context, PlanLedger ledger) {
    long usable = context.host().memoryTotal() - context.host().memoryOverhead();
    if (usable <= 0) {
      return -1;
    }
    boolean live =
        context.move().vm().powerState() == PowerState.RUNNING
            || context.move().vm().powerState() == PowerState.PAUSED;
    long needed =
        live ? MemoryArithmetic.needed(context.move().vm(), context.move().intraPool()) : 0;
    long committed =
        context.index().residentFootprint(context.hostUuid()) + context.plannedFootprint();
    double freeAfter = (double) (usable - committed - needed) / usable;
    return Math.max(-1, Math.min(1, 2 * freeAfter - 1));
  }
}

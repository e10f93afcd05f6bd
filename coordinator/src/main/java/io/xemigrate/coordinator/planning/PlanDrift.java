package io.xemigrate.coordinator.planning;

import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.planner.plan.Verdict;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.PowerState;
import io.xemigrate.xapi.model.Vm;
import java.util.Optional;

/**
 * Whether a plan still fits its source pool: every movable VM still runs on its planned source
 * host. A stale event token alone is not drift (every change in a pool moves it). {@code
 * plan-apply} and the HTTP API's apply both refuse a drifted plan.
 */
public final class PlanDrift {
  private PlanDrift() {}

  /** What drifted, in a few words; empty when the plan still fits. */
  public static Optional<String> of(MigrationPlan plan, PoolInventory source) {
    for (MovePlan move : plan.moves()) {
      if (move.verdict() != Verdict.OK) {
        continue;
      }
      Optional<Vm> vm = source.vm(move.vmUuid());
      if (vm.isEmpty()) {
        return Optional.of(move.vmName() + " is no longer in the source pool");
      }
      if (vm.get().powerState() != PowerState.RUNNING
          || !vm.get().residentOnHostUuid().equals(move.sourceHostUuid())) {
        return Optional.of(move.vmName() + " no longer runs on " + move.sourceHostName());
      }
    }
    return Optional.empty();
  }
}

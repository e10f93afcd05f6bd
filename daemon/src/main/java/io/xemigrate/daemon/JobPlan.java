package io.xemigrate.daemon;

import com.google.common.collect.ImmutableList;
import io.xemigrate.coordinator.pools.PoolProfile;
import io.xemigrate.planner.plan.MigrationPlan;
import java.util.Optional;

/**
 * What a job run will do: the scheduled plan (empty when nothing is to move), its two pools, the
 * hosts it disables before the moves (evacuated hosts: nothing new starts on them), for a restore
 * the evacuation run whose hosts it enables before the moves back, and one-line notes for the job
 * run's detail (VMs a restore leaves where they are, and why).
 */
record JobPlan(
    Optional<MigrationPlan> plan,
    PoolProfile source,
    PoolProfile destination,
    ImmutableList<String> hostsToDisable,
    Optional<String> restores,
    ImmutableList<String> notes) {

  /** A plan that disables {@code hostsToDisable} and restores nothing. */
  static JobPlan moving(
      Optional<MigrationPlan> plan,
      PoolProfile source,
      PoolProfile destination,
      ImmutableList<String> hostsToDisable) {
    return new JobPlan(
        plan, source, destination, hostsToDisable, Optional.empty(), ImmutableList.of());
  }
}

package io.xemigrate.plugin.daemon;

import com.google.common.collect.ImmutableList;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.plugin.pools.PoolProfile;
import java.util.Optional;

/**
 * What a job run will do: the scheduled plan (empty when nothing is to move), its two pools, and
 * the hosts it disables before the moves (evacuated hosts: nothing new starts on them).
 */
record JobPlan(
    Optional<MigrationPlan> plan,
    PoolProfile source,
    PoolProfile destination,
    ImmutableList<String> hostsToDisable) {}

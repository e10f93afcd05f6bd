package io.xemigrate.plugin.cli;

import com.google.common.collect.ImmutableSet;

/**
 * A command that runs the planner: it takes the pool parameters and the planner's overrides ({@code
 * sr=}, {@code vdi:}, {@code vif:}, ...) besides its own keys.
 */
interface PlanningCommand extends Command {
  /** The keys of this command besides the pools' and the overrides'. */
  ImmutableSet<String> ownKeys();

  @Override
  default ImmutableSet<String> keys() {
    return ImmutableSet.<String>builder()
        .addAll(ownKeys())
        .addAll(PlanningSession.OVERRIDE_KEYS)
        .addAll(PoolParameters.KEYS)
        .build();
  }

  @Override
  default ImmutableSet<String> keyPrefixes() {
    return PlanningSession.OVERRIDE_PREFIXES;
  }
}

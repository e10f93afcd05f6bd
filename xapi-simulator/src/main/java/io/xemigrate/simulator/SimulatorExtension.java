package io.xemigrate.simulator;

import io.xemigrate.simulator.rpc.PoolRuntime;

/**
 * Adds behaviour to every simulated pool before its endpoints open: typically methods registered
 * into {@link PoolRuntime#methods()} and derivers on its store. It gets the whole fleet so that
 * cross-pool calls can reach the other pools' runtimes.
 */
@FunctionalInterface
public interface SimulatorExtension {
  void install(PoolRuntime pool, Fleet fleet);
}

package io.xemigrate.simulator;

import com.google.common.collect.ImmutableList;
import io.xemigrate.simulator.rpc.PoolRuntime;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.workload.HiddenWorld;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every simulated pool of one simulator, for lookups that cross pools. */
public final class Fleet {
  private final List<PoolRuntime> pools = new CopyOnWriteArrayList<>();
  private volatile HiddenWorld hidden = HiddenWorld.empty();

  void add(PoolRuntime pool) {
    pools.add(pool);
  }

  void hide(HiddenWorld world) {
    this.hidden = world;
  }

  /**
   * The truth the simulator keeps to itself (workloads, background traffic). Only the simulator's
   * own physics, RRD data and control endpoint read it; no XenAPI call shows it.
   */
  public HiddenWorld hidden() {
    return hidden;
  }

  public ImmutableList<PoolRuntime> pools() {
    return ImmutableList.copyOf(pools);
  }

  public Optional<PoolRuntime> byName(String name) {
    return pools.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** The pool owning a host with {@code address} (a bare address: {@code 127.0.0.2}). */
  public Optional<PoolRuntime> byHostAddress(String address) {
    return pools.stream()
        .filter(
            p ->
                p.store().all(XapiClass.HOST).stream()
                    .anyMatch(h -> h.string("address").equals(address)))
        .findFirst();
  }
}

package io.xemigrate.simulator.migration;

import io.xemigrate.simulator.rpc.PoolRuntime;
import io.xemigrate.simulator.store.XapiClass;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every pool of one simulator. A cross-pool migration finds its destination here by the session
 * that {@code host.migrate_receive} minted, standing in for the JSON-RPC connection a real xapi
 * opens to the destination master: the simulated pools share one process.
 */
public final class PoolDirectory {
  private final List<PoolRuntime> pools = new CopyOnWriteArrayList<>();

  public void add(PoolRuntime pool) {
    pools.add(pool);
  }

  public List<PoolRuntime> pools() {
    return List.copyOf(pools);
  }

  /** The pool in which {@code sessionRef} is a live session. */
  public Optional<PoolRuntime> bySession(String sessionRef) {
    return pools.stream().filter(pool -> pool.sessions().isLive(sessionRef)).findFirst();
  }

  /** The pool whose database holds the host {@code hostRef}. */
  public Optional<PoolRuntime> byHost(String hostRef) {
    return pools.stream()
        .filter(pool -> pool.store().find(XapiClass.HOST, hostRef).isPresent())
        .findFirst();
  }

  /** The pool that owns a host with this UUID. */
  public Optional<PoolRuntime> byHostUuid(String hostUuid) {
    return pools.stream()
        .filter(pool -> pool.store().findByUuid(XapiClass.HOST, hostUuid).isPresent())
        .findFirst();
  }
}

package io.xemigrate.simulator.api;

import io.xemigrate.simulator.rpc.MethodRegistry;
import io.xemigrate.simulator.store.ObjectStore;

/**
 * The core method set, in one place. Registration order matters only where a later area replaces a
 * method of an earlier one (the migration calls do this through the same registry).
 */
public final class StandardMethods {
  private StandardMethods() {}

  /** A registry holding every core method. */
  public static MethodRegistry registry() {
    MethodRegistry registry = new MethodRegistry();
    RecordMethods.register(registry);
    SessionMethods.register(registry);
    EventMethods.register(registry);
    LegacyEventMethods.register(registry);
    SystemMethods.register(registry);
    TaskMethods.register(registry);
    HostMethods.register(registry);
    VmPowerMethods.register(registry);
    VifMethods.register(registry);
    PoolMethods.register(registry);
    DestroyMethods.register(registry);
    return registry;
  }

  /** Installs the derived-field rules on a pool's store. */
  public static void installDerivers(ObjectStore store) {
    VmLifecycle.install(store);
  }
}

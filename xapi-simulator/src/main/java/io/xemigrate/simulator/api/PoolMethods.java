package io.xemigrate.simulator.api;

import io.xemigrate.simulator.rpc.MethodRegistry;
import io.xemigrate.simulator.rpc.MethodSpec;
import io.xemigrate.simulator.rpc.Role;
import io.xemigrate.simulator.store.XapiClass;

/**
 * {@code pool.designate_new_master}: the named host becomes master at once; from then on the old
 * master answers {@code HOST_IS_SLAVE} with the new master's address (endpoints read {@code
 * pool.master} on every call).
 */
public final class PoolMethods {
  private PoolMethods() {}

  public static void register(MethodRegistry registry) {
    registry.register(
        MethodSpec.async(
            "pool.designate_new_master",
            Role.POOL_OPERATOR,
            2,
            false,
            (context, args) -> {
              String host = args.string(1);
              context.store().get(XapiClass.HOST, host);
              String pool = context.pool().pool().ref();
              context.store().set(XapiClass.POOL, pool, "master", host);
              return "";
            }));
  }
}

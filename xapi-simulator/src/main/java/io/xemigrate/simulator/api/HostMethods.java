package io.xemigrate.simulator.api;

import io.xemigrate.simulator.rpc.MethodRegistry;
import io.xemigrate.simulator.rpc.MethodSpec;
import io.xemigrate.simulator.rpc.Role;
import io.xemigrate.simulator.store.XapiClass;

/**
 * {@code host.disable} and {@code host.enable} (Pool Operator, docs/failure-semantics.md#roles). A
 * disabled host takes no new VMs ({@code HOST_DISABLED}); its running VMs stay.
 */
public final class HostMethods {
  private HostMethods() {}

  public static void register(MethodRegistry registry) {
    registry.register(
        MethodSpec.async(
            "host.disable",
            Role.POOL_OPERATOR,
            2,
            false,
            (context, args) -> {
              context.store().get(XapiClass.HOST, args.string(1));
              context.store().set(XapiClass.HOST, args.string(1), "enabled", false);
              return "";
            }));
    registry.register(
        MethodSpec.async(
            "host.enable",
            Role.POOL_OPERATOR,
            2,
            false,
            (context, args) -> {
              context.store().get(XapiClass.HOST, args.string(1));
              context.store().set(XapiClass.HOST, args.string(1), "enabled", true);
              return "";
            }));
  }
}

package io.xemigrate.simulator.api;

import io.xemigrate.simulator.rpc.MethodRegistry;
import io.xemigrate.simulator.rpc.MethodSpec;
import io.xemigrate.simulator.rpc.Role;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiException;

/**
 * {@code host.disable} and {@code host.enable} (Pool Operator, docs/failure-semantics.md#roles). A
 * disabled host takes no new VMs ({@code HOST_DISABLED}); its running VMs stay. {@code
 * host.disable} takes an optional {@code auto_enable} (xapi 25.31.0 on, default true: {@code
 * ocaml/idl/datamodel_host.ml}); both forms are served. The simulator does not re-enable hosts on a
 * toolstack restart, so the flag changes nothing else here.
 */
public final class HostMethods {
  private HostMethods() {}

  public static void register(MethodRegistry registry) {
    registry.register(
        MethodSpec.async(
            "host.disable",
            Role.POOL_OPERATOR,
            -1,
            false,
            (context, args) -> {
              if (args.size() != 2 && args.size() != 3) {
                throw XapiException.of(
                    "MESSAGE_PARAMETER_COUNT_MISMATCH",
                    "host.disable",
                    "3",
                    Integer.toString(args.size()));
              }
              if (args.size() == 3) {
                args.bool(2);
              }
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

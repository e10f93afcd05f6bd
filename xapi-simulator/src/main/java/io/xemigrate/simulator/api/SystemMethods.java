package io.xemigrate.simulator.api;

import com.google.common.collect.ImmutableList;
import io.xemigrate.simulator.rpc.MethodRegistry;
import io.xemigrate.simulator.rpc.MethodSpec;
import io.xemigrate.simulator.rpc.Role;

/**
 * {@code system.listMethods}: every call this server answers, by its synchronous wire name, no
 * session needed (xapi's generated dispatcher, {@code ocaml/idl/ocaml_backend/gen_server.ml}). Over
 * XML-RPC xapi sends the bare array, without the {@code Status}/{@code Value} struct (xapi's {@code
 * ocaml/xapi/api_server.ml}); the wire layer does the same.
 */
public final class SystemMethods {
  public static final String LIST_METHODS = "system.listMethods";

  private SystemMethods() {}

  public static void register(MethodRegistry registry) {
    registry.register(
        new MethodSpec(
            LIST_METHODS,
            Role.READ_ONLY,
            -1,
            false,
            false,
            false,
            (context, args) ->
                context.pool().methods().names().stream()
                    .filter(name -> !name.startsWith("system."))
                    .collect(ImmutableList.toImmutableList())));
  }
}

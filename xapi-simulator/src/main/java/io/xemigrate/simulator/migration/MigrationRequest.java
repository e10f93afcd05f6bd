package io.xemigrate.simulator.migration;

import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.rpc.Args;
import io.xemigrate.simulator.store.XapiException;
import java.util.Map;

/**
 * The arguments of {@code VM.assert_can_migrate} and {@code VM.migrate_send}: {@code (session, vm,
 * dest, live, vdi_map, vif_map, options, vgpu_map={}, vdi_format_map={})}. The last two are
 * optional; {@code assert_can_migrate} has no {@code vdi_format_map} ({@code
 * ocaml/idl/datamodel_vm.ml}), so it takes at most 8 arguments and {@code migrate_send} 9.
 */
record MigrationRequest(
    String vmRef,
    ImmutableMap<String, Object> dest,
    ImmutableMap<String, String> vdiMap,
    ImmutableMap<String, String> vifMap,
    ImmutableMap<String, String> options) {

  /** The most arguments {@code VM.assert_can_migrate} takes. */
  static final int ASSERT_CAN_MIGRATE_ARITY = 8;

  /** The most arguments {@code VM.migrate_send} takes. */
  static final int MIGRATE_SEND_ARITY = 9;

  static MigrationRequest from(Args args, String method, int arity) {
    if (args.size() < 7 || args.size() > arity) {
      throw XapiException.of(
          "MESSAGE_PARAMETER_COUNT_MISMATCH",
          method,
          Integer.toString(arity),
          Integer.toString(args.size()));
    }
    return new MigrationRequest(
        args.string(1),
        args.map(2),
        strings(args.map(4)),
        strings(args.map(5)),
        strings(args.map(6)));
  }

  /** xapi parses options with {@code bool_of_string}: only "true" is true. */
  boolean flag(String name) {
    return "true".equals(options.get(name));
  }

  private static ImmutableMap<String, String> strings(Map<String, Object> map) {
    ImmutableMap.Builder<String, String> builder = ImmutableMap.builder();
    map.forEach((key, value) -> builder.put(key, String.valueOf(value)));
    return builder.buildKeepingLast();
  }
}

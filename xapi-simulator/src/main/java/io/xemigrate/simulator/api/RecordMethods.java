package io.xemigrate.simulator.api;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.rpc.Args;
import io.xemigrate.simulator.rpc.CallContext;
import io.xemigrate.simulator.rpc.MethodRegistry;
import io.xemigrate.simulator.rpc.MethodSpec;
import io.xemigrate.simulator.rpc.Role;
import io.xemigrate.simulator.store.Schema;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiException;
import io.xemigrate.simulator.store.XapiRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The generated-style methods every class has: {@code get_all}, {@code get_all_records}, {@code
 * get_record}, {@code get_by_uuid}, {@code get_by_name_label}, one getter per field, and the {@code
 * other_config} editors. Records go out as the store's immutable maps, uncopied, so a large {@code
 * get_all_records} costs one pass of serialisation.
 */
public final class RecordMethods {
  private RecordMethods() {}

  public static void register(MethodRegistry registry) {
    for (XapiClass cls : XapiClass.values()) {
      registerClass(registry, cls);
    }
  }

  private static void registerClass(MethodRegistry registry, XapiClass cls) {
    String prefix = cls.wireName() + ".";
    if (cls != XapiClass.SESSION) {
      registry.register(
          MethodSpec.sync(
              prefix + "get_all",
              Role.READ_ONLY,
              1,
              (context, args) ->
                  context.store().all(cls).stream()
                      .map(XapiRecord::ref)
                      .collect(ImmutableList.toImmutableList())));
      registry.register(
          MethodSpec.sync(
              prefix + "get_all_records",
              Role.READ_ONLY,
              1,
              (context, args) -> allRecords(context, cls)));
      registry.register(
          MethodSpec.sync(
              prefix + "get_all_records_where",
              Role.READ_ONLY,
              2,
              (context, args) ->
                  records(context.store().where(cls, WhereExpression.parse(args.string(1))))));
      registry.register(
          MethodSpec.sync(
              prefix + "get_all_where",
              Role.READ_ONLY,
              2,
              (context, args) ->
                  context.store().where(cls, WhereExpression.parse(args.string(1))).stream()
                      .map(XapiRecord::ref)
                      .collect(ImmutableList.toImmutableList())));
    }
    registry.register(
        MethodSpec.sync(
            prefix + "get_record",
            Role.READ_ONLY,
            2,
            (context, args) -> context.store().get(cls, args.string(1)).fields()));
    registry.register(
        MethodSpec.sync(
            prefix + "get_by_uuid",
            Role.READ_ONLY,
            2,
            (context, args) ->
                context
                    .store()
                    .findByUuid(cls, args.string(1))
                    .map(XapiRecord::ref)
                    .orElseThrow(
                        () -> XapiException.of("UUID_INVALID", cls.wireName(), args.string(1)))));
    Map<String, Schema.Field> fields = Schema.get().fields(cls);
    if (fields.containsKey("name_label")) {
      registry.register(
          MethodSpec.sync(
              prefix + "get_by_name_label",
              Role.READ_ONLY,
              2,
              (context, args) ->
                  context
                      .store()
                      .where(cls, r -> r.string("name_label").equals(args.string(1)))
                      .stream()
                      .map(XapiRecord::ref)
                      .collect(ImmutableList.toImmutableList())));
    }
    for (String field : fields.keySet()) {
      registry.register(
          MethodSpec.sync(
              prefix + "get_" + field,
              Role.READ_ONLY,
              2,
              (context, args) -> context.store().get(cls, args.string(1)).get(field)));
    }
    if (fields.containsKey("other_config")) {
      registerOtherConfig(registry, cls, prefix);
    }
  }

  private static void registerOtherConfig(MethodRegistry registry, XapiClass cls, String prefix) {
    Role role = writerRole(cls);
    registry.register(
        MethodSpec.sync(
            prefix + "set_other_config",
            role,
            3,
            (context, args) -> {
              ImmutableMap.Builder<String, Object> values = ImmutableMap.builder();
              args.map(2).forEach((k, v) -> values.put(k, String.valueOf(v)));
              context.store().set(cls, args.string(1), "other_config", values.buildKeepingLast());
              return "";
            }));
    registry.register(
        MethodSpec.sync(
            prefix + "add_to_other_config",
            role,
            4,
            (context, args) -> {
              editOtherConfig(context, cls, args, true);
              return "";
            }));
    registry.register(
        MethodSpec.sync(
            prefix + "remove_from_other_config",
            role,
            3,
            (context, args) -> {
              editOtherConfig(context, cls, args, false);
              return "";
            }));
  }

  /** xapi's {@code add_to} fails with {@code MAP_DUPLICATE_KEY} when the key is present. */
  private static void editOtherConfig(CallContext context, XapiClass cls, Args args, boolean add) {
    String ref = args.string(1);
    String key = args.string(2);
    context
        .store()
        .transact(
            () -> {
              XapiRecord record = context.store().get(cls, ref);
              Map<String, Object> values = new LinkedHashMap<>(record.map("other_config"));
              if (add) {
                if (values.containsKey(key)) {
                  throw XapiException.of(
                      "MAP_DUPLICATE_KEY", cls.wireName(), "other_config", ref, key);
                }
                values.put(key, args.string(3));
              } else {
                values.remove(key);
              }
              context.store().set(cls, ref, "other_config", values);
            });
  }

  private static Object allRecords(CallContext context, XapiClass cls) {
    return records(context.store().all(cls));
  }

  private static Object records(ImmutableList<XapiRecord> records) {
    Map<String, Object> result = new LinkedHashMap<>(records.size() * 2);
    for (XapiRecord record : records) {
      result.put(record.ref(), record.fields());
    }
    return result;
  }

  private static Role writerRole(XapiClass cls) {
    return switch (cls) {
      case VM, VM_METRICS, VM_GUEST_METRICS, VBD, VDI, VIF, VGPU, VUSB, TASK, MESSAGE, SESSION ->
          Role.VM_ADMIN;
      case POOL,
          HOST,
          HOST_METRICS,
          SR,
          PBD,
          SM,
          NETWORK,
          PIF,
          PIF_METRICS,
          PCI,
          PGPU,
          VGPU_TYPE,
          CERTIFICATE ->
          Role.POOL_OPERATOR;
    };
  }
}

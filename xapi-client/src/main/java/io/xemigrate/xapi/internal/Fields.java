package io.xemigrate.xapi.internal;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.xensource.xenapi.XenAPIObject;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;

/** Null-safe reads of SDK record fields (a simulator or an older xapi may omit fields). */
final class Fields {
  static final String NULL_REF = "OpaqueRef:NULL";

  private Fields() {}

  static String str(String value) {
    return value == null ? "" : value;
  }

  static long num(Long value) {
    return value == null ? 0 : value;
  }

  static boolean flag(Boolean value) {
    return value != null && value;
  }

  static String ref(XenAPIObject object) {
    if (object == null) {
      return "";
    }
    String ref = object.toWireString();
    return ref == null || ref.equals(NULL_REF) ? "" : ref;
  }

  static ImmutableMap<String, String> map(Map<String, String> value) {
    return value == null ? ImmutableMap.of() : ImmutableMap.copyOf(value);
  }

  /** Enum-keyed or enum-valued maps, as xapi spells them. */
  static ImmutableMap<String, String> names(Map<?, ?> value) {
    if (value == null) {
      return ImmutableMap.of();
    }
    ImmutableMap.Builder<String, String> names = ImmutableMap.builder();
    value.forEach((key, entry) -> names.put(String.valueOf(key), String.valueOf(entry)));
    return names.buildKeepingLast();
  }

  static ImmutableSet<String> nameSet(Collection<?> value) {
    return value == null
        ? ImmutableSet.of()
        : value.stream().map(String::valueOf).collect(ImmutableSet.toImmutableSet());
  }

  static ImmutableList<String> strings(Collection<String> value) {
    return value == null ? ImmutableList.of() : ImmutableList.copyOf(value);
  }

  /** The UUIDs of referenced objects, through a ref-to-UUID lookup, unknown refs dropped. */
  static <T extends XenAPIObject> ImmutableList<String> uuids(
      Collection<T> refs, Function<String, String> uuidOf) {
    if (refs == null) {
      return ImmutableList.of();
    }
    return refs.stream()
        .map(Fields::ref)
        .map(uuidOf)
        .filter(uuid -> !uuid.isEmpty())
        .sorted()
        .collect(ImmutableList.toImmutableList());
  }
}

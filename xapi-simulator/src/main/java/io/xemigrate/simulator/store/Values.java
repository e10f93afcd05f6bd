package io.xemigrate.simulator.store;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** Brings a caller's value into the store's representation for a field kind, or refuses it. */
final class Values {
  private Values() {}

  static Object normalize(XapiClass cls, String field, FieldKind kind, Object value) {
    Object result =
        switch (kind) {
          case STRING, REF, ENUM -> value instanceof String ? value : null;
          case INT -> value instanceof Number number ? Long.valueOf(number.longValue()) : null;
          case FLOAT ->
              value instanceof Number number ? Double.valueOf(number.doubleValue()) : null;
          case BOOL -> value instanceof Boolean ? value : null;
          case DATETIME -> value instanceof Instant ? value : null;
          case SET -> value instanceof Collection<?> values ? copySet(values) : null;
          case MAP -> value instanceof Map<?, ?> map ? deepCopy(map) : null;
        };
    if (result == null) {
      throw new IllegalArgumentException(
          cls.wireName() + "." + field + " is " + kind + ", not " + describe(value));
    }
    return result;
  }

  /** Sets of strings (refs, tags) are the common case; an immutable one is kept as it is. */
  private static Object copySet(Collection<?> values) {
    if (values instanceof ImmutableList<?> list
        && list.stream().allMatch(String.class::isInstance)) {
      return list;
    }
    return deepCopy(values);
  }

  /** Copies nested lists and maps into immutable ones; leaves leaves alone. */
  static Object deepCopy(Object value) {
    if (value instanceof Map<?, ?> map) {
      ImmutableMap.Builder<String, Object> builder = ImmutableMap.builder();
      map.forEach((k, v) -> builder.put(String.valueOf(k), deepCopy(v)));
      return builder.buildKeepingLast();
    }
    if (value instanceof Collection<?> values) {
      ImmutableList.Builder<Object> builder = ImmutableList.builder();
      values.forEach(v -> builder.add(deepCopy(v)));
      return builder.build();
    }
    if (value instanceof Integer number) {
      return Long.valueOf(number);
    }
    return value;
  }

  private static String describe(Object value) {
    return value == null ? "null" : value.getClass().getSimpleName();
  }
}

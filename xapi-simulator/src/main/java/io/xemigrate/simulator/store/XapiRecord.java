package io.xemigrate.simulator.store;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of one stored object. Reading it never blocks the store: the store swaps in
 * a new field map on every write, so a snapshot stays consistent while others change the object.
 */
public record XapiRecord(XapiClass cls, String ref, ImmutableMap<String, Object> fields) {

  public String uuid() {
    return string("uuid");
  }

  public Object get(String field) {
    Object value = fields.get(field);
    if (value == null) {
      throw new IllegalArgumentException(cls.wireName() + " has no field " + field);
    }
    return value;
  }

  public String string(String field) {
    return (String) get(field);
  }

  public long integer(String field) {
    return (Long) get(field);
  }

  public double real(String field) {
    return (Double) get(field);
  }

  public boolean bool(String field) {
    return (Boolean) get(field);
  }

  @SuppressWarnings("unchecked")
  public ImmutableList<Object> list(String field) {
    return (ImmutableList<Object>) get(field);
  }

  /** A set of references or strings. */
  public ImmutableList<String> strings(String field) {
    ImmutableList.Builder<String> builder = ImmutableList.builder();
    for (Object value : (List<?>) get(field)) {
      builder.add((String) value);
    }
    return builder.build();
  }

  @SuppressWarnings("unchecked")
  public ImmutableMap<String, Object> map(String field) {
    return (ImmutableMap<String, Object>) get(field);
  }

  /** A {@code (string → string) map}. */
  public ImmutableMap<String, String> stringMap(String field) {
    ImmutableMap.Builder<String, String> builder = ImmutableMap.builder();
    for (Map.Entry<String, Object> entry : map(field).entrySet()) {
      builder.put(entry.getKey(), String.valueOf(entry.getValue()));
    }
    return builder.buildOrThrow();
  }
}

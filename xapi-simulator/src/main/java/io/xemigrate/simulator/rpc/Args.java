package io.xemigrate.simulator.rpc;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.store.XapiException;
import java.util.List;
import java.util.Map;

/**
 * The parameters of one call, decoded from either wire format. XML-RPC sends ints as strings and
 * JSON-RPC as numbers; the accessors accept both. A value of the wrong type is {@code
 * FIELD_TYPE_ERROR [param]}, as xapi's unmarshalling reports it.
 */
public record Args(ImmutableList<Object> values) {

  public int size() {
    return values.size();
  }

  public Object raw(int index) {
    return values.get(index);
  }

  public String string(int index) {
    Object value = values.get(index);
    if (value instanceof String text) {
      return text;
    }
    throw typeError(index);
  }

  public long integer(int index) {
    Object value = values.get(index);
    if (value instanceof Number number) {
      return number.longValue();
    }
    if (value instanceof String text) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw typeError(index);
      }
    }
    throw typeError(index);
  }

  public double real(int index) {
    Object value = values.get(index);
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    if (value instanceof String text) {
      try {
        return Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw typeError(index);
      }
    }
    throw typeError(index);
  }

  public boolean bool(int index) {
    Object value = values.get(index);
    if (value instanceof Boolean flag) {
      return flag;
    }
    throw typeError(index);
  }

  public ImmutableList<String> strings(int index) {
    if (values.get(index) instanceof List<?> list) {
      ImmutableList.Builder<String> builder = ImmutableList.builder();
      for (Object item : list) {
        if (!(item instanceof String text)) {
          throw typeError(index);
        }
        builder.add(text);
      }
      return builder.build();
    }
    throw typeError(index);
  }

  public ImmutableMap<String, Object> map(int index) {
    if (values.get(index) instanceof Map<?, ?> map) {
      ImmutableMap.Builder<String, Object> builder = ImmutableMap.builder();
      map.forEach((k, v) -> builder.put(String.valueOf(k), v));
      return builder.buildKeepingLast();
    }
    throw typeError(index);
  }

  private XapiException typeError(int index) {
    return XapiException.of("FIELD_TYPE_ERROR", "param " + index);
  }
}

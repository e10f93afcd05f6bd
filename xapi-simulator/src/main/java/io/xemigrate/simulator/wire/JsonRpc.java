package io.xemigrate.simulator.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.store.XapiException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON-RPC v1 and v2 as xapi speaks them at {@code /jsonrpc}
 * (docs/xapi-behaviour.md#wire-protocol): v1 answers carry {@code result}, {@code error} and {@code
 * id} always, with the error as {@code [CODE, params…]}; v2 answers carry one of them, with the
 * error as {@code {code: 1, message, data}}.
 */
public final class JsonRpc {
  /** A decoded request: whether it is v2, its id (echoed back), and the call. */
  public record Request(boolean version2, JsonNode id, RpcCall call) {}

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(1 << 20).build())
          .build();
  private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

  private JsonRpc() {}

  public static Request read(byte[] body) throws MalformedRequestException {
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (IOException e) {
      throw new MalformedRequestException("Jsonrpc parse error: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new MalformedRequestException("Jsonrpc parse error: not an object");
    }
    JsonNode method = root.get("method");
    JsonNode params = root.get("params");
    JsonNode id = root.get("id");
    if (method == null || !method.isTextual()) {
      throw new MalformedRequestException("Jsonrpc parse error: method missing");
    }
    if (id == null || id.isNull()) {
      throw new MalformedRequestException("Jsonrpc parse error: id must not be null");
    }
    if (params != null && !params.isArray()) {
      throw new MalformedRequestException("Jsonrpc parse error: params must be an array");
    }
    JsonNode version = root.get("jsonrpc");
    boolean v2 = version != null && "2.0".equals(version.asText());
    List<Object> values = new ArrayList<>();
    if (params != null) {
      params.forEach(p -> values.add(value(p)));
    }
    return new Request(v2, id, new RpcCall(method.asText(), ImmutableList.copyOf(values)));
  }

  public static byte[] success(Request request, Object result) {
    return write(
        g -> {
          if (request.version2()) {
            g.writeStringField("jsonrpc", "2.0");
            g.writeFieldName("result");
            value(g, result);
          } else {
            g.writeFieldName("result");
            value(g, result);
            g.writeNullField("error");
          }
          g.writeFieldName("id");
          MAPPER.writeTree(g, request.id());
        });
  }

  public static byte[] failure(Request request, XapiException error) {
    return write(
        g -> {
          if (request.version2()) {
            g.writeStringField("jsonrpc", "2.0");
            g.writeObjectFieldStart("error");
            g.writeNumberField("code", 1);
            g.writeStringField("message", error.code());
            g.writeFieldName("data");
            value(g, error.params());
            g.writeEndObject();
          } else {
            g.writeNullField("result");
            g.writeFieldName("error");
            value(g, error.description());
          }
          g.writeFieldName("id");
          MAPPER.writeTree(g, request.id());
        });
  }

  private interface Body {
    void write(JsonGenerator generator) throws IOException;
  }

  private static byte[] write(Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      body.write(g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static final RecordCache CACHE = new RecordCache();

  static void value(JsonGenerator g, Object value) throws IOException {
    if (CACHE.applies(value)) {
      ImmutableMap<?, ?> record = (ImmutableMap<?, ?>) value;
      g.writeRawValue(CACHE.get(record, () -> encodeUncached(record)));
      return;
    }
    writeValue(g, value);
  }

  private static String encodeUncached(Object value) throws IOException {
    java.io.StringWriter out = new java.io.StringWriter(2048);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      writeValue(g, value);
    }
    return out.toString();
  }

  private static void writeValue(JsonGenerator g, Object value) throws IOException {
    if (value instanceof String text) {
      g.writeString(text);
    } else if (value instanceof Long number) {
      g.writeNumber(number.longValue());
    } else if (value instanceof Integer number) {
      g.writeNumber(number.intValue());
    } else if (value instanceof Double number) {
      g.writeNumber(number.doubleValue());
    } else if (value instanceof Boolean flag) {
      g.writeBoolean(flag);
    } else if (value instanceof Instant instant) {
      g.writeString(XmlRpcWriter.DATE_TIME.format(instant));
    } else if (value instanceof List<?> list) {
      g.writeStartArray();
      for (Object item : list) {
        value(g, item);
      }
      g.writeEndArray();
    } else if (value instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        g.writeFieldName(String.valueOf(entry.getKey()));
        value(g, entry.getValue());
      }
      g.writeEndObject();
    } else {
      throw new IllegalArgumentException("no JSON form for " + value);
    }
  }

  private static Object value(JsonNode node) {
    if (node.isTextual()) {
      return node.asText();
    }
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    if (node.isArray()) {
      List<Object> items = new ArrayList<>();
      node.forEach(n -> items.add(value(n)));
      return items;
    }
    if (node.isObject()) {
      Map<String, Object> members = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        members.put(field.getKey(), value(field.getValue()));
      }
      return members;
    }
    return "";
  }
}

package io.xemigrate.xapi.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xemigrate.xapi.XapiErrors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * JSON-RPC 2.0 for xapi ({@code POST /jsonrpc}): encodes the SDK's marshalled parameters and
 * decodes answers into the object graph the SDK's {@code Types} converters expect from XML-RPC:
 * structs as {@code Map<String,Object>}, arrays as {@code Object[]}, 64-bit ints as decimal
 * strings, floats as {@code Double}, datetimes as {@link Date}.
 *
 * <p>JSON does not say whether {@code 1} is an int or a float, nor whether a string is a datetime.
 * Integral numbers become strings (xapi's ints) except under the few float-typed field names below;
 * strings in xapi's datetime format become dates only under datetime-typed field names.
 */
final class JsonRpcCodec {
  private static final ObjectMapper MAPPER =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
              .build());

  /** Float-typed fields of the classes xe-migrate reads (task, VM, metrics). */
  private static final Set<String> FLOAT_FIELDS =
      Set.of("progress", "HVM_shadow_multiplier", "utilisation", "io_read_kbs", "io_write_kbs");

  /** Datetime-typed fields of the classes xe-migrate reads. */
  private static final Set<String> DATE_FIELDS =
      Set.of(
          "created",
          "finished",
          "snapshot_time",
          "last_updated",
          "start_time",
          "install_time",
          "last_active",
          "validation_time",
          "not_before",
          "not_after");

  private static final Pattern XAPI_DATE =
      Pattern.compile("\\d{8}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:?\\d{2})?");

  private JsonRpcCodec() {}

  static byte[] encodeRequest(String method, Object[] params, long id) {
    ObjectNode request = JsonNodeFactory.instance.objectNode();
    request.put("jsonrpc", "2.0");
    request.put("method", method);
    ArrayNode array = request.putArray("params");
    for (Object param : params) {
      array.add(toJson(param));
    }
    request.put("id", id);
    try {
      return MAPPER.writeValueAsBytes(request);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode a JSON-RPC request", e);
    }
  }

  private static JsonNode toJson(Object value) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (value == null) {
      return nodes.nullNode();
    } else if (value instanceof String string) {
      return nodes.textNode(string);
    } else if (value instanceof Boolean bool) {
      return nodes.booleanNode(bool);
    } else if (value instanceof Double number) {
      return nodes.numberNode(number);
    } else if (value instanceof Integer number) {
      return nodes.numberNode(number);
    } else if (value instanceof Long number) {
      return nodes.numberNode(number);
    } else if (value instanceof Date date) {
      return nodes.textNode(XapiDates.format(date));
    } else if (value instanceof Map<?, ?> map) {
      ObjectNode object = nodes.objectNode();
      map.forEach((key, entry) -> object.set(String.valueOf(key), toJson(entry)));
      return object;
    } else if (value instanceof Object[] array) {
      ArrayNode node = nodes.arrayNode();
      for (Object entry : array) {
        node.add(toJson(entry));
      }
      return node;
    } else if (value instanceof Collection<?> collection) {
      ArrayNode node = nodes.arrayNode();
      collection.forEach(entry -> node.add(toJson(entry)));
      return node;
    }
    return nodes.textNode(value.toString());
  }

  /** The result of a call, or an {@link io.xemigrate.xapi.XapiException} for an error answer. */
  static Object decodeResponse(String method, byte[] body) {
    // One streaming pass: the result goes straight into the SDK's object graph (an inventory
    // answer can be tens of megabytes; a tree first would double the work and the memory).
    try (JsonParser parser = MAPPER.getFactory().createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw XapiErrors.client(
            method, XapiErrors.BAD_RESPONSE, "JSON-RPC answer not an object", null);
      }
      Object result = null;
      boolean hasResult = false;
      JsonNode error = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        switch (field) {
          case "result" -> {
            result = read(parser, "");
            hasResult = true;
          }
          case "error" -> error = MAPPER.readTree(parser);
          default -> parser.skipChildren();
        }
      }
      if (error != null && !error.isNull()) {
        throw XapiErrors.fromErrorDescription(method, errorDescription(error));
      }
      if (!hasResult) {
        throw XapiErrors.client(
            method, XapiErrors.BAD_RESPONSE, "JSON-RPC answer has no result", null);
      }
      return result;
    } catch (IOException e) {
      throw XapiErrors.client(method, XapiErrors.BAD_RESPONSE, "malformed JSON-RPC answer", e);
    }
  }

  private static Object read(JsonParser parser, String fieldName) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == null) {
      throw new IOException("truncated JSON");
    }
    switch (token) {
      case START_OBJECT:
        Map<String, Object> map = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          map.put(name, read(parser, name));
        }
        return map;
      case START_ARRAY:
        List<Object> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          list.add(read(parser, fieldName));
        }
        return list.toArray();
      case VALUE_STRING:
        String text = parser.getText();
        if (DATE_FIELDS.contains(fieldName) && XAPI_DATE.matcher(text).matches()) {
          return XapiDates.parse(text);
        }
        return text;
      case VALUE_NUMBER_INT:
        return FLOAT_FIELDS.contains(fieldName) ? parser.getDoubleValue() : parser.getText();
      case VALUE_NUMBER_FLOAT:
        return parser.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      case END_ARRAY:
      case END_OBJECT:
      case FIELD_NAME:
      case NOT_AVAILABLE:
      case VALUE_EMBEDDED_OBJECT:
        break;
    }
    throw new IOException("unexpected JSON token " + token);
  }

  /** v2: {@code {code:1, message:CODE, data:[params]}}; v1: {@code ["CODE", params...]}. */
  private static List<String> errorDescription(JsonNode error) {
    List<String> description = new ArrayList<>();
    if (error.isArray()) {
      error.forEach(node -> description.add(node.asText()));
    } else if (error.isObject()) {
      description.add(error.path("message").asText("INTERNAL_ERROR"));
      JsonNode data = error.path("data");
      if (data.isArray()) {
        data.forEach(node -> description.add(node.isValueNode() ? node.asText() : node.toString()));
      } else if (!data.isMissingNode() && !data.isNull()) {
        description.add(data.asText());
      }
    } else {
      description.add(error.asText());
    }
    return description;
  }
}

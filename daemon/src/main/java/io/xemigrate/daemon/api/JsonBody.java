package io.xemigrate.daemon.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A request's JSON object, read strictly: malformed JSON names the line and column, a field the
 * endpoint does not know is refused by name, and every accessor names the field and the type it
 * wanted. Nothing is coerced: {@code "true"} is not a boolean, {@code 1} is not a string.
 */
final class JsonBody {
  private final JsonNode root;

  private JsonBody(JsonNode root) {
    this.root = root;
  }

  /** Parses {@code body}, which must be one JSON object and nothing after it. */
  static JsonBody parse(byte[] body) {
    if (body.length == 0) {
      throw new ApiException(400, "MALFORMED_JSON", "the request has no body: send a JSON object");
    }
    JsonNode root;
    try {
      root = ApiJson.MAPPER.readTree(new String(body, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new ApiException(
          400,
          "MALFORMED_JSON",
          "malformed JSON" + where + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
    }
    if (root == null || root.isMissingNode()) {
      throw new ApiException(400, "MALFORMED_JSON", "the body is empty: send a JSON object");
    }
    if (!root.isObject()) {
      throw new ApiException(
          400, "WRONG_TYPE", "the body is a JSON " + kind(root) + ": send a JSON object");
    }
    return new JsonBody(root);
  }

  /** Refuses the first field (in alphabetical order) not in {@code known}. */
  JsonBody allowOnly(Set<String> known) {
    Set<String> unknown = new TreeSet<>();
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      throw new ApiException(
          400,
          "UNKNOWN_FIELD",
          "unknown field '"
              + unknown.iterator().next()
              + "': this endpoint takes "
              + String.join(", ", new TreeSet<>(known)));
    }
    return this;
  }

  /** The {@code kind} field when it is a string, else "" (the accessors report it later). */
  String optionalKind() {
    JsonNode node = root.get("kind");
    return node != null && node.isTextual() ? node.asText() : "";
  }

  String requiredString(String field) {
    return optionalString(field).orElseThrow(() -> missing(field, "a string"));
  }

  Optional<String> optionalString(String field) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw wrongType(field, "a string", node);
    }
    if (node.asText().isBlank()) {
      throw new ApiException(400, "BAD_VALUE", "field '" + field + "' is empty: give a value");
    }
    return Optional.of(node.asText());
  }

  /** A string or a number, as text (thresholds may come either way). */
  Optional<String> optionalScalar(String field) {
    JsonNode node = root.get(field);
    if (node != null && node.isNumber()) {
      return Optional.of(node.asText());
    }
    return optionalString(field);
  }

  Optional<Boolean> optionalBoolean(String field) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isBoolean()) {
      throw wrongType(field, "a boolean", node);
    }
    return Optional.of(node.asBoolean());
  }

  /** A non-empty array of non-empty strings. */
  ImmutableList<String> requiredStrings(String field) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      throw missing(field, "an array of strings");
    }
    if (!node.isArray()) {
      throw wrongType(field, "an array of strings", node);
    }
    if (node.isEmpty()) {
      throw new ApiException(
          400, "BAD_VALUE", "field '" + field + "' is an empty array: name at least one");
    }
    ImmutableList.Builder<String> items = ImmutableList.builder();
    for (JsonNode item : node) {
      if (!item.isTextual()) {
        throw wrongType(field + "[]", "a string", item);
      }
      if (item.asText().isBlank()) {
        throw new ApiException(
            400, "BAD_VALUE", "field '" + field + "' has an empty name: remove it");
      }
      items.add(item.asText());
    }
    return items.build();
  }

  private static ApiException missing(String field, String type) {
    return new ApiException(
        400, "MISSING_FIELD", "missing field '" + field + "': add it (" + type + ")");
  }

  private static ApiException wrongType(String field, String expected, JsonNode found) {
    return new ApiException(
        400,
        "WRONG_TYPE",
        "field '" + field + "' must be " + expected + ", not a JSON " + kind(found));
  }

  private static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "array";
      case BINARY -> "binary";
      case BOOLEAN -> "boolean";
      case MISSING, NULL -> "null";
      case NUMBER -> "number";
      case OBJECT -> "object";
      case POJO -> "value";
      case STRING -> "string";
    };
  }
}

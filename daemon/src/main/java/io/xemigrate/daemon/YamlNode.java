package io.xemigrate.daemon;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML value with the line it starts on, so that every mistake in the daemon's configuration can
 * be reported as {@code FILE:LINE}. Jackson's tree model drops locations; this keeps them.
 *
 * @param line the 1-based line of the value
 * @param scalar the text of a scalar (strings, numbers, booleans), empty for maps and lists
 * @param map the entries of a map (insertion order), with each key's line in {@code keyLines}
 * @param list the items of a list
 */
record YamlNode(
    int line,
    Optional<String> scalar,
    Map<String, YamlNode> map,
    Map<String, Integer> keyLines,
    List<YamlNode> list,
    Kind kind) {

  /** What a node is. */
  enum Kind {
    SCALAR,
    MAP,
    LIST,
    NULL
  }

  /** Reads the value at the parser's current token, recursively. */
  static YamlNode read(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    int line = parser.currentTokenLocation().getLineNr();
    if (token == JsonToken.START_OBJECT) {
      Map<String, YamlNode> map = new LinkedHashMap<>();
      Map<String, Integer> lines = new LinkedHashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        int keyLine = parser.currentTokenLocation().getLineNr();
        parser.nextToken();
        if (map.containsKey(key)) {
          throw new ConfigException(keyLine, "the key '" + key + "' is given twice");
        }
        map.put(key, read(parser));
        lines.put(key, keyLine);
      }
      return new YamlNode(line, Optional.empty(), map, lines, List.of(), Kind.MAP);
    }
    if (token == JsonToken.START_ARRAY) {
      ImmutableList.Builder<YamlNode> items = ImmutableList.builder();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        items.add(read(parser));
      }
      return new YamlNode(line, Optional.empty(), Map.of(), Map.of(), items.build(), Kind.LIST);
    }
    if (token == JsonToken.VALUE_NULL) {
      return new YamlNode(line, Optional.empty(), Map.of(), Map.of(), List.of(), Kind.NULL);
    }
    return new YamlNode(
        line, Optional.of(parser.getText()), Map.of(), Map.of(), List.of(), Kind.SCALAR);
  }

  /** The line of {@code key} in this map, else this node's line. */
  int lineOf(String key) {
    return keyLines.getOrDefault(key, line);
  }
}

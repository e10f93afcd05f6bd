package io.xemigrate.simulator.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;

/**
 * Finds the line of a field path such as {@code pools[0].vms[3].disks[0].sr} in YAML text, for
 * errors found after binding (Jackson's own errors carry their location already). A path that is
 * absent (a missing field) falls back to its nearest present parent.
 */
final class YamlLocator {
  private static final YAMLFactory YAML = new YAMLFactory();

  private final String text;

  YamlLocator(String text) {
    this.text = text;
  }

  int line(String path) {
    String target = path;
    while (true) {
      int found = find(target);
      if (found > 0 || target.isEmpty()) {
        return Math.max(found, 1);
      }
      target = parent(target);
    }
  }

  private static String parent(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut <= 0 ? "" : path.substring(0, cut);
  }

  private int find(String target) {
    try (JsonParser parser = YAML.createParser(text)) {
      if (parser.nextToken() == null) {
        return 0;
      }
      return walk(parser, "", target);
    } catch (IOException e) {
      return 0;
    }
  }

  /** Walks the value at the parser's current token; returns the target's line or 0. */
  private static int walk(JsonParser parser, String path, String target) throws IOException {
    int line = parser.currentTokenLocation().getLineNr();
    if (path.equals(target)) {
      return line;
    }
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String child = path.isEmpty() ? parser.currentName() : path + "." + parser.currentName();
        int fieldLine = parser.currentTokenLocation().getLineNr();
        if (child.equals(target)) {
          return fieldLine;
        }
        parser.nextToken();
        int found = walk(parser, child, target);
        if (found > 0) {
          return found;
        }
      }
    } else if (token == JsonToken.START_ARRAY) {
      int index = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        int found = walk(parser, path + "[" + index++ + "]", target);
        if (found > 0) {
          return found;
        }
      }
    }
    return 0;
  }
}

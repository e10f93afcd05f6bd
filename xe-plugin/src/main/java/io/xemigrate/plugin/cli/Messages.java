package io.xemigrate.plugin.cli;

import java.util.regex.Pattern;

/** Turns a library's message into words for a user: one line, no Java class names. */
final class Messages {
  /** A qualified Java class name, such as {@code com.fasterxml.jackson.core.JsonToken}. */
  private static final Pattern CLASS_NAME =
      Pattern.compile("`?\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_$]*)`?");

  private Messages() {}

  /** One line, qualified class names reduced to their simple name; "unknown cause" for none. */
  static String plain(String message) {
    if (message == null || message.isBlank()) {
      return "unknown cause";
    }
    String line = message.replace('\r', ' ').replace('\n', ' ').strip();
    return CLASS_NAME.matcher(line).replaceAll("$1");
  }
}

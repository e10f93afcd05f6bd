package io.xemigrate.simulator.api;

import io.xemigrate.simulator.store.XapiException;
import io.xemigrate.simulator.store.XapiRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The expression language of {@code get_all_records_where} / {@code get_all_where} (xapi's {@code
 * Db_filter}): {@code field "SR"="OpaqueRef:…"}, {@code <>}, {@code and}, {@code or}, {@code not},
 * parentheses, {@code true}, {@code false}. Values compare as their printed form (a bool as {@code
 * true}/{@code false}, an int in decimal). A bad expression is {@code INTERNAL_ERROR}, as xapi's
 * parser failure surfaces.
 */
final class WhereExpression {
  private final List<String> tokens;
  private int position;

  private WhereExpression(List<String> tokens) {
    this.tokens = tokens;
  }

  static Predicate<XapiRecord> parse(String text) {
    WhereExpression parser = new WhereExpression(tokenize(text));
    Predicate<XapiRecord> predicate = parser.or();
    if (parser.position != parser.tokens.size()) {
      throw error(text);
    }
    return predicate;
  }

  private Predicate<XapiRecord> or() {
    Predicate<XapiRecord> left = and();
    while (peek("or")) {
      position++;
      left = left.or(and());
    }
    return left;
  }

  private Predicate<XapiRecord> and() {
    Predicate<XapiRecord> left = unary();
    while (peek("and")) {
      position++;
      left = left.and(unary());
    }
    return left;
  }

  private Predicate<XapiRecord> unary() {
    String token = next();
    switch (token.toLowerCase(Locale.ROOT)) {
      case "not":
        return unary().negate();
      case "true":
        return r -> true;
      case "false":
        return r -> false;
      case "(":
        Predicate<XapiRecord> inner = or();
        expect(")");
        return inner;
      default:
        position--;
        Function<XapiRecord, String> left = value();
        String operator = next();
        Function<XapiRecord, String> right = value();
        return switch (operator) {
          case "=" -> r -> left.apply(r).equals(right.apply(r));
          case "<>" -> r -> !left.apply(r).equals(right.apply(r));
          default -> throw error(operator);
        };
    }
  }

  private Function<XapiRecord, String> value() {
    String token = next();
    if (token.equalsIgnoreCase("field")) {
      String name = literal(next());
      return r -> printed(r.fields().get(name));
    }
    String literal = literal(token);
    return r -> literal;
  }

  private static String printed(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      return value.toString();
    }
    return String.valueOf(value);
  }

  private static String literal(String token) {
    if (token.length() < 2 || !token.startsWith("\"") || !token.endsWith("\"")) {
      throw error(token);
    }
    return token.substring(1, token.length() - 1);
  }

  private boolean peek(String word) {
    return position < tokens.size() && tokens.get(position).equalsIgnoreCase(word);
  }

  private String next() {
    if (position >= tokens.size()) {
      throw error("end of expression");
    }
    return tokens.get(position++);
  }

  private void expect(String token) {
    if (!next().equals(token)) {
      throw error(token);
    }
  }

  private static List<String> tokenize(String text) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '"') {
        int end = text.indexOf('"', i + 1);
        if (end < 0) {
          throw error(text.substring(i));
        }
        tokens.add(text.substring(i, end + 1));
        i = end + 1;
      } else if (c == '(' || c == ')' || c == '=') {
        tokens.add(String.valueOf(c));
        i++;
      } else if (text.startsWith("<>", i)) {
        tokens.add("<>");
        i += 2;
      } else {
        int start = i;
        while (i < text.length() && Character.isLetter(text.charAt(i))) {
          i++;
        }
        if (start == i) {
          throw error(String.valueOf(c));
        }
        tokens.add(text.substring(start, i));
      }
    }
    return tokens;
  }

  private static XapiException error(String near) {
    return XapiException.of("INTERNAL_ERROR", "Db_filter.Expression_error near " + near);
  }
}

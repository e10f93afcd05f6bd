package io.xemigrate.xapi.internal;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Date;
import java.util.Map;

/** Writes an XML-RPC {@code methodCall} from the SDK's marshalled parameters. */
final class XmlRpcWriter {
  private final StringBuilder out = new StringBuilder(256);

  private XmlRpcWriter() {}

  static byte[] encodeRequest(String method, Object[] params) {
    XmlRpcWriter writer = new XmlRpcWriter();
    writer.out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><methodCall><methodName>");
    writer.text(method);
    writer.out.append("</methodName><params>");
    for (Object param : params) {
      writer.out.append("<param>");
      writer.value(param);
      writer.out.append("</param>");
    }
    writer.out.append("</params></methodCall>");
    return writer.out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private void value(Object value) {
    out.append("<value>");
    if (value == null || value instanceof String) {
      out.append("<string>");
      text(value == null ? "" : (String) value);
      out.append("</string>");
    } else if (value instanceof Boolean bool) {
      out.append("<boolean>").append(bool ? "1" : "0").append("</boolean>");
    } else if (value instanceof Double || value instanceof Float) {
      out.append("<double>").append(value).append("</double>");
    } else if (value instanceof Integer) {
      out.append("<i4>").append(value).append("</i4>");
    } else if (value instanceof Long) {
      // xapi's ints travel as strings in XML-RPC.
      out.append("<string>").append(value).append("</string>");
    } else if (value instanceof Date date) {
      out.append("<dateTime.iso8601>").append(XapiDates.format(date)).append("</dateTime.iso8601>");
    } else if (value instanceof Map<?, ?> map) {
      out.append("<struct>");
      map.forEach(
          (key, entry) -> {
            out.append("<member><name>");
            text(String.valueOf(key));
            out.append("</name>");
            value(entry);
            out.append("</member>");
          });
      out.append("</struct>");
    } else if (value instanceof Object[] array) {
      out.append("<array><data>");
      for (Object entry : array) {
        value(entry);
      }
      out.append("</data></array>");
    } else if (value instanceof Collection<?> collection) {
      out.append("<array><data>");
      collection.forEach(this::value);
      out.append("</data></array>");
    } else {
      out.append("<string>");
      text(value.toString());
      out.append("</string>");
    }
    out.append("</value>");
  }

  private void text(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
  }
}

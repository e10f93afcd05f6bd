package io.xemigrate.xapi.testing;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The server side of XML-RPC for tests: reads calls, writes answers. */
final class WireFormats {
  private WireFormats() {}

  /** Method name, then the parameters. */
  record XmlCall(String method, List<Object> params) {}

  static XmlCall readXmlCall(byte[] body) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Element root =
        factory.newDocumentBuilder().parse(new ByteArrayInputStream(body)).getDocumentElement();
    String method = child(root, "methodName").getTextContent();
    List<Object> params = new ArrayList<>();
    Element paramsElement = child(root, "params");
    if (paramsElement != null) {
      for (Element param : children(paramsElement)) {
        params.add(readValue(child(param, "value")));
      }
    }
    return new XmlCall(method, params);
  }

  private static Object readValue(Element value) {
    List<Element> typed = children(value);
    if (typed.isEmpty()) {
      return value.getTextContent();
    }
    Element element = typed.get(0);
    switch (element.getTagName()) {
      case "struct":
        Map<String, Object> map = new LinkedHashMap<>();
        for (Element member : children(element)) {
          map.put(child(member, "name").getTextContent(), readValue(child(member, "value")));
        }
        return map;
      case "array":
        List<Object> list = new ArrayList<>();
        for (Element entry : children(child(element, "data"))) {
          list.add(readValue(entry));
        }
        return list;
      case "boolean":
        return "1".equals(element.getTextContent());
      case "double":
        return Double.valueOf(element.getTextContent());
      default:
        return element.getTextContent();
    }
  }

  private static Element child(Element parent, String name) {
    for (Element element : children(parent)) {
      if (element.getTagName().equals(name)) {
        return element;
      }
    }
    return null;
  }

  private static List<Element> children(Element parent) {
    List<Element> result = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element) {
        result.add(element);
      }
    }
    return result;
  }

  static String xmlSuccess(Object value) {
    StringBuilder out = new StringBuilder("<?xml version=\"1.0\"?><methodResponse><params><param>");
    writeValue(out, Map.of("Status", "Success", "Value", value == null ? "" : value));
    return out.append("</param></params></methodResponse>").toString();
  }

  static String xmlFailure(List<String> description) {
    StringBuilder out = new StringBuilder("<?xml version=\"1.0\"?><methodResponse><params><param>");
    writeValue(out, Map.of("Status", "Failure", "ErrorDescription", description));
    return out.append("</param></params></methodResponse>").toString();
  }

  private static void writeValue(StringBuilder out, Object value) {
    out.append("<value>");
    if (value instanceof Map<?, ?> map) {
      out.append("<struct>");
      map.forEach(
          (key, entry) -> {
            out.append("<member><name>").append(escape(String.valueOf(key))).append("</name>");
            writeValue(out, entry);
            out.append("</member>");
          });
      out.append("</struct>");
    } else if (value instanceof Collection<?> list) {
      out.append("<array><data>");
      list.forEach(entry -> writeValue(out, entry));
      out.append("</data></array>");
    } else if (value instanceof Boolean bool) {
      out.append("<boolean>").append(bool ? 1 : 0).append("</boolean>");
    } else if (value instanceof Double number) {
      out.append("<double>").append(number).append("</double>");
    } else if (value instanceof Integer number) {
      out.append("<i4>").append(number).append("</i4>");
    } else {
      out.append("<string>").append(escape(String.valueOf(value))).append("</string>");
    }
    out.append("</value>");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}

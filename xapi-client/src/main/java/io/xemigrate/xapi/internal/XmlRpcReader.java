package io.xemigrate.xapi.internal;

import io.xemigrate.xapi.XapiErrors;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses an XML-RPC {@code methodResponse} with StAX, DTDs and external entities off. Replaces
 * Apache XML-RPC 3.1.3's parser, which deserializes the {@code faultCause} of any fault with {@code
 * ObjectInputStream} (CVE-2019-17570): here a fault yields only its code and string, and {@code
 * base64} values are kept as undecoded text, so no bytes from the server are ever turned into Java
 * objects.
 */
final class XmlRpcReader {
  private static final XMLInputFactory FACTORY = newFactory();

  private final XMLStreamReader reader;

  private XmlRpcReader(XMLStreamReader reader) {
    this.reader = reader;
  }

  private static XMLInputFactory newFactory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    return factory;
  }

  /** The xapi result of an XML-RPC answer, or an exception for a failure or a fault. */
  static Object decodeResponse(String method, byte[] body) {
    try {
      XMLStreamReader stream = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
      try {
        return new XmlRpcReader(stream).methodResponse(method);
      } finally {
        stream.close();
      }
    } catch (XMLStreamException | RuntimeException e) {
      if (e instanceof io.xemigrate.xapi.XapiException xapi) {
        throw xapi;
      }
      throw XapiErrors.client(method, XapiErrors.BAD_RESPONSE, "malformed XML-RPC answer", e);
    }
  }

  private Object methodResponse(String method) throws XMLStreamException {
    nextStart("methodResponse");
    String section = nextStart(null);
    if (section.equals("fault")) {
      nextStart("value");
      Object fault = value();
      Map<?, ?> struct = fault instanceof Map<?, ?> map ? map : Map.of();
      // Only the code and the string: faultCause and anything else is ignored, never decoded.
      throw XapiErrors.client(
          method,
          XapiErrors.BAD_RESPONSE,
          "XML-RPC fault " + struct.get("faultCode") + ": " + struct.get("faultString"),
          null);
    }
    if (!section.equals("params")) {
      throw new XMLStreamException("unexpected element " + section);
    }
    nextStart("param");
    nextStart("value");
    Object result = value();
    if (!(result instanceof Map<?, ?> struct)) {
      throw new XMLStreamException("xapi answers are structs");
    }
    if ("Success".equals(struct.get("Status"))) {
      return struct.get("Value");
    }
    List<String> description = new ArrayList<>();
    if (struct.get("ErrorDescription") instanceof Object[] entries) {
      for (Object entry : entries) {
        description.add(String.valueOf(entry));
      }
    }
    throw XapiErrors.fromErrorDescription(method, description);
  }

  /** Moves to the next start element (and checks its name, unless null); returns its name. */
  private String nextStart(String expected) throws XMLStreamException {
    while (reader.hasNext()) {
      int event = reader.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        String name = reader.getLocalName();
        if (expected != null && !expected.equals(name)) {
          throw new XMLStreamException("expected " + expected + ", found " + name);
        }
        return name;
      }
      if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
        throw new XMLStreamException("DTDs and entity references are refused");
      }
    }
    throw new XMLStreamException("unexpected end of document");
  }

  /** Reads a value; the reader is on {@code <value>} and ends on {@code </value>}. */
  private Object value() throws XMLStreamException {
    StringBuilder text = new StringBuilder();
    while (reader.hasNext()) {
      int event = reader.next();
      switch (event) {
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA ->
            text.append(reader.getText());
        case XMLStreamConstants.START_ELEMENT -> {
          Object typed = typed(reader.getLocalName());
          skipTo("value");
          return typed;
        }
        case XMLStreamConstants.END_ELEMENT -> {
          return text.toString(); // <value>text</value> is a string
        }
        case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
            throw new XMLStreamException("DTDs and entity references are refused");
        default -> {}
      }
    }
    throw new XMLStreamException("unexpected end of document in a value");
  }

  private Object typed(String type) throws XMLStreamException {
    return switch (type) {
      case "string" -> text();
      case "int", "i4" -> Integer.valueOf(text().trim());
      case "i8" -> text().trim();
      case "boolean" -> "1".equals(text().trim());
      case "double" -> Double.valueOf(text().trim());
      case "dateTime.iso8601" -> XapiDates.parse(text().trim());
      case "base64" -> text(); // kept encoded: never decoded, never deserialized
      case "nil" -> {
        text();
        yield null;
      }
      case "struct" -> struct();
      case "array" -> array();
      default -> throw new XMLStreamException("unsupported XML-RPC type " + type);
    };
  }

  private String text() throws XMLStreamException {
    StringBuilder text = new StringBuilder();
    while (reader.hasNext()) {
      int event = reader.next();
      if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
        text.append(reader.getText());
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        return text.toString();
      } else if (event == XMLStreamConstants.START_ELEMENT
          || event == XMLStreamConstants.ENTITY_REFERENCE) {
        throw new XMLStreamException("unexpected content in a scalar");
      }
    }
    throw new XMLStreamException("unexpected end of document in a scalar");
  }

  private Map<String, Object> struct() throws XMLStreamException {
    Map<String, Object> map = new HashMap<>();
    while (true) {
      int event = nextTag();
      if (event == XMLStreamConstants.END_ELEMENT) {
        return map; // </struct>
      }
      // <member><name>..</name><value>..</value></member>
      nextStart("name");
      String name = text();
      nextStart("value");
      map.put(name, value());
      skipTo("member");
    }
  }

  private Object[] array() throws XMLStreamException {
    nextStart("data");
    List<Object> values = new ArrayList<>();
    while (true) {
      int event = nextTag();
      if (event == XMLStreamConstants.END_ELEMENT) {
        skipTo("array"); // </data> then </array>
        return values.toArray();
      }
      values.add(value());
    }
  }

  /** The next start or end tag, skipping whitespace. */
  private int nextTag() throws XMLStreamException {
    while (reader.hasNext()) {
      int event = reader.next();
      if (event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.END_ELEMENT) {
        return event;
      }
      if (event == XMLStreamConstants.ENTITY_REFERENCE || event == XMLStreamConstants.DTD) {
        throw new XMLStreamException("DTDs and entity references are refused");
      }
    }
    throw new XMLStreamException("unexpected end of document");
  }

  /** Advances to the end tag with this name. */
  private void skipTo(String endName) throws XMLStreamException {
    while (reader.hasNext()) {
      int event = reader.next();
      if (event == XMLStreamConstants.END_ELEMENT && reader.getLocalName().equals(endName)) {
        return;
      }
    }
    throw new XMLStreamException("missing </" + endName + ">");
  }
}

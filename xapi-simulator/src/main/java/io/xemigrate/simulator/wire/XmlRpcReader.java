package io.xemigrate.simulator.wire;

import com.google.common.collect.ImmutableList;
import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses an XML-RPC {@code methodCall}. DTDs and external entities are refused, so a hostile body
 * cannot make the simulator read files or expand entities
 * (docs/failure-semantics.md#hostile-input).
 */
public final class XmlRpcReader {
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HH:mm:ss[.SSS]['Z']");

  private static final XMLInputFactory FACTORY = newFactory();

  private XmlRpcReader() {}

  private static XMLInputFactory newFactory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    return factory;
  }

  public static RpcCall read(byte[] body) throws MalformedRequestException {
    try {
      XMLStreamReader xml = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
      try {
        return call(xml);
      } finally {
        xml.close();
      }
    } catch (XMLStreamException | RuntimeException e) {
      throw new MalformedRequestException("Xmlrpc parse error: " + e.getMessage());
    }
  }

  private static RpcCall call(XMLStreamReader xml)
      throws XMLStreamException, MalformedRequestException {
    nextStart(xml, "methodCall");
    nextStart(xml, "methodName");
    String method = xml.getElementText().trim();
    List<Object> params = new ArrayList<>();
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("value")) {
        params.add(value(xml));
      }
    }
    if (method.isEmpty()) {
      throw new MalformedRequestException("Xmlrpc parse error: empty methodName");
    }
    return new RpcCall(method, ImmutableList.copyOf(params));
  }

  private static void nextStart(XMLStreamReader xml, String name)
      throws XMLStreamException, MalformedRequestException {
    while (xml.hasNext()) {
      if (xml.next() == XMLStreamConstants.START_ELEMENT) {
        if (xml.getLocalName().equals(name)) {
          return;
        }
        throw new MalformedRequestException("Xmlrpc parse error: expected " + name);
      }
    }
    throw new MalformedRequestException("Xmlrpc parse error: missing " + name);
  }

  /** Reads a value; the reader is on {@code <value>} and ends on {@code </value>}. */
  private static Object value(XMLStreamReader xml)
      throws XMLStreamException, MalformedRequestException {
    StringBuilder text = new StringBuilder();
    Object typed = null;
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
        text.append(xml.getText());
      } else if (event == XMLStreamConstants.START_ELEMENT) {
        typed = typed(xml);
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        return typed != null ? typed : text.toString();
      }
    }
    throw new MalformedRequestException("Xmlrpc parse error: unterminated value");
  }

  private static Object typed(XMLStreamReader xml)
      throws XMLStreamException, MalformedRequestException {
    String type = xml.getLocalName();
    switch (type) {
      case "string":
        return xml.getElementText();
      case "int", "i4", "i8":
        return Long.parseLong(xml.getElementText().trim());
      case "boolean":
        return xml.getElementText().trim().equals("1");
      case "double":
        return Double.parseDouble(xml.getElementText().trim());
      case "dateTime.iso8601":
        return dateTime(xml.getElementText().trim());
      case "array":
        return array(xml);
      case "struct":
        return struct(xml);
      case "nil":
        xml.getElementText();
        return "";
      default:
        throw new MalformedRequestException("Xmlrpc parse error: unknown type " + type);
    }
  }

  private static Object dateTime(String text) throws MalformedRequestException {
    try {
      return LocalDateTime.parse(text, DATE_TIME).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new MalformedRequestException("Xmlrpc parse error: bad dateTime " + text);
    }
  }

  private static List<Object> array(XMLStreamReader xml)
      throws XMLStreamException, MalformedRequestException {
    List<Object> items = new ArrayList<>();
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("value")) {
        items.add(value(xml));
      } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("array")) {
        return items;
      }
    }
    throw new MalformedRequestException("Xmlrpc parse error: unterminated array");
  }

  private static Map<String, Object> struct(XMLStreamReader xml)
      throws XMLStreamException, MalformedRequestException {
    Map<String, Object> members = new LinkedHashMap<>();
    String name = null;
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("name")) {
        name = xml.getElementText();
      } else if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("value")) {
        if (name == null) {
          throw new MalformedRequestException("Xmlrpc parse error: member without name");
        }
        members.put(name, value(xml));
        name = null;
      } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("struct")) {
        return members;
      }
    }
    throw new MalformedRequestException("Xmlrpc parse error: unterminated struct");
  }
}

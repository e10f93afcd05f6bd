package io.xemigrate.xapi.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.Base64;

/** XML-RPC answers a malicious server could send. */
public final class HostileResponses {
  private HostileResponses() {}

  /** The base64 of a serialized {@link Canary}. */
  public static String serializedCanary() {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new Canary());
      out.flush();
      return Base64.getEncoder().encodeToString(bytes.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** CVE-2019-17570: Apache XML-RPC 3.1.3 deserializes faultCause of any fault response. */
  public static String faultWithSerializedCause() {
    return "<?xml version=\"1.0\"?><methodResponse><fault><value><struct>"
        + "<member><name>faultCode</name><value><i4>1</i4></value></member>"
        + "<member><name>faultString</name><value><string>boom</string></value></member>"
        + "<member><name>faultCause</name><value><base64>"
        + serializedCanary()
        + "</base64></value></member>"
        + "</struct></value></fault></methodResponse>";
  }

  /** CVE-2016-5003: an ex:serializable value in a normal answer. */
  public static String exSerializableValue() {
    return "<?xml version=\"1.0\"?><methodResponse xmlns:ex=\"http://ws.apache.org/xmlrpc/namespaces/extensions\">"
        + "<params><param><value><struct><member><name>Status</name><value>Success</value></member>"
        + "<member><name>Value</name><value><ex:serializable>"
        + serializedCanary()
        + "</ex:serializable></value></member></struct></value></param></params></methodResponse>";
  }

  /** CVE-2016-5002: an external entity. */
  public static String externalEntity() {
    return "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
        + "<methodResponse><params><param><value><struct>"
        + "<member><name>Status</name><value>Success</value></member>"
        + "<member><name>Value</name><value>&xxe;</value></member>"
        + "</struct></value></param></params></methodResponse>";
  }
}

package io.xemigrate.xapi.testing;

import java.util.List;

/** What a {@link FakeXapiServer} answers to one call. */
public record Reply(Kind kind, Object value, List<String> error, String rawBody) {

  /** The kinds of answer. */
  public enum Kind {
    VALUE,
    ERROR,
    /** Break the connection after the request was read (a reset mid-call). */
    RESET,
    /** Send this body verbatim as an XML-RPC answer. */
    RAW_XML
  }

  public static Reply value(Object value) {
    return new Reply(Kind.VALUE, value, List.of(), "");
  }

  public static Reply error(String code, String... parameters) {
    List<String> description = new java.util.ArrayList<>();
    description.add(code);
    description.addAll(List.of(parameters));
    return new Reply(Kind.ERROR, null, description, "");
  }

  public static Reply reset() {
    return new Reply(Kind.RESET, null, List.of(), "");
  }

  public static Reply rawXml(String body) {
    return new Reply(Kind.RAW_XML, null, List.of(), body);
  }
}

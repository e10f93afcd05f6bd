package io.xemigrate.xapi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xemigrate.xapi.XapiErrorKind;
import io.xemigrate.xapi.XapiException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Both wire formats decode into the object graph the SDK's converters expect. */
class WireCodecTest {

  private static Object json(String body) {
    return JsonRpcCodec.decodeResponse("m", body.getBytes(StandardCharsets.UTF_8));
  }

  private static Object xml(String value) {
    String body =
        "<?xml version=\"1.0\"?><methodResponse><params><param><value><struct>"
            + "<member><name>Status</name><value>Success</value></member>"
            + "<member><name>Value</name>"
            + value
            + "</member></struct></value></param></params></methodResponse>";
    return XmlRpcReader.decodeResponse("m", body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void jsonIntsBecomeStringsFloatsDoublesAndDatesDates() {
    @SuppressWarnings("unchecked")
    Map<String, Object> record =
        (Map<String, Object>)
            json(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"memory\":17179869184,\"progress\":1,"
                    + "\"ratio\":0.5,\"created\":\"20260101T10:00:00Z\",\"name\":\"20260101T10:00:00Z\","
                    + "\"tags\":[\"a\",\"b\"],\"live\":true,\"nothing\":null}}");

    assertThat(record.get("memory")).isEqualTo("17179869184");
    assertThat(record.get("progress")).isEqualTo(1.0);
    assertThat(record.get("ratio")).isEqualTo(0.5);
    assertThat(record.get("created")).isInstanceOf(Date.class);
    assertThat(record.get("name")).isEqualTo("20260101T10:00:00Z");
    assertThat((Object[]) record.get("tags")).containsExactly("a", "b");
    assertThat(record.get("live")).isEqualTo(true);
    assertThat(record).containsEntry("nothing", null);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":1,\"message\":\"VDI_CBT_ENABLED\",\"data\":[\"OpaqueRef:v\"]}}",
        "{\"id\":1,\"result\":null,\"error\":[\"VDI_CBT_ENABLED\",\"OpaqueRef:v\"]}"
      })
  void jsonErrorsOfBothVersionsKeepCodeAndParameters(String body) {
    assertThatThrownBy(() -> json(body))
        .isInstanceOfSatisfying(
            XapiException.class,
            e -> {
              assertThat(e.code()).isEqualTo("VDI_CBT_ENABLED");
              assertThat(e.kind()).isEqualTo(XapiErrorKind.PRECONDITION);
              assertThat(e.parameters()).containsExactly("OpaqueRef:v");
            });
  }

  @Test
  void xmlValuesOfEveryType() {
    @SuppressWarnings("unchecked")
    Map<String, Object> struct =
        (Map<String, Object>)
            xml(
                "<value><struct>"
                    + "<member><name>s</name><value><string>a &amp; b</string></value></member>"
                    + "<member><name>bare</name><value>plain</value></member>"
                    + "<member><name>i</name><value><i4>7</i4></value></member>"
                    + "<member><name>b</name><value><boolean>1</boolean></value></member>"
                    + "<member><name>d</name><value><double>0.25</double></value></member>"
                    + "<member><name>t</name><value><dateTime.iso8601>20260101T10:00:00Z</dateTime.iso8601></value></member>"
                    + "<member><name>a</name><value><array><data><value>x</value><value><string>y</string></value></data></array></value></member>"
                    + "<member><name>e</name><value><array><data/></array></value></member>"
                    + "</struct></value>");

    assertThat(struct.get("s")).isEqualTo("a & b");
    assertThat(struct.get("bare")).isEqualTo("plain");
    assertThat(struct.get("i")).isEqualTo(7);
    assertThat(struct.get("b")).isEqualTo(true);
    assertThat(struct.get("d")).isEqualTo(0.25);
    assertThat(struct.get("t")).isEqualTo(XapiDates.parse("20260101T10:00:00Z"));
    assertThat((Object[]) struct.get("a")).containsExactly("x", "y");
    assertThat((Object[]) struct.get("e")).isEmpty();
  }

  @Test
  void xmlFailureCarriesTheErrorDescription() {
    String body =
        "<?xml version=\"1.0\"?><methodResponse><params><param><value><struct>"
            + "<member><name>Status</name><value>Failure</value></member>"
            + "<member><name>ErrorDescription</name><value><array><data>"
            + "<value>SESSION_INVALID</value><value>OpaqueRef:secret-session</value>"
            + "</data></array></value></member></struct></value></param></params></methodResponse>";
    assertThatThrownBy(
            () -> XmlRpcReader.decodeResponse("m", body.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            XapiException.class,
            e -> {
              assertThat(e.code()).isEqualTo("SESSION_INVALID");
              assertThat(e.parameters()).containsExactly("<redacted>");
              assertThat(e.getMessage()).doesNotContain("secret-session");
            });
  }

  @Test
  void requestsRoundTripThroughTheWriter() {
    byte[] request =
        XmlRpcWriter.encodeRequest(
            "VM.migrate_send",
            new Object[] {"OpaqueRef:s", Map.of("k", "<v>"), List.of("a"), true, 1.5, 3L});
    String text = new String(request, StandardCharsets.UTF_8);
    assertThat(text)
        .contains("<methodName>VM.migrate_send</methodName>")
        .contains("&lt;v&gt;")
        .contains("<boolean>1</boolean>")
        .contains("<double>1.5</double>")
        .contains("<string>3</string>");
  }

  @ParameterizedTest
  @CsvSource({
    "VM.get_all_records, REPEATABLE",
    "VM.get_record, REPEATABLE",
    "event.from, REPEATABLE",
    "task.get_status, REPEATABLE",
    "VM.migrate_send, NEVER_RESEND",
    "Async.VM.migrate_send, NEVER_RESEND",
    "Async.VM.pool_migrate, NEVER_RESEND",
    "Async.VDI.pool_migrate, NEVER_RESEND",
    "host.migrate_receive, NEVER_RESEND",
    "host.disable, NOT_REPEATABLE",
    "session.login_with_password, NOT_REPEATABLE"
  })
  void callSafety(String method, CallSafety expected) {
    assertThat(CallSafety.of(method)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "pool.example, pool.example, 443",
    "10.0.0.1:8443, 10.0.0.1, 8443",
    "https://10.0.0.1:8443/, 10.0.0.1, 8443",
    "[fe80::1]:443, [fe80::1], 443",
    "[::1], [::1], 443",
    "::1, [::1], 443",
    "fd00::2, [fd00::2], 443",
    "https://[fd00::2]:8443/, [fd00::2], 8443"
  })
  void endpoints(String address, String host, int port) {
    assertThat(Endpoint.parse(address)).isEqualTo(new Endpoint(host, port));
  }

  @Test
  void aMasterAddressWithoutPortKeepsOurPort() {
    assertThat(new Endpoint("10.0.0.1", 8443).redirectTo("10.0.0.2"))
        .isEqualTo(new Endpoint("10.0.0.2", 8443));
  }

  /** xapi sends a bare IPv6 address in HOST_IS_SLAVE; "::1" ends in ":1", which is no port. */
  @Test
  void aBareIpv6MasterAddressKeepsOurPortAndGetsBrackets() {
    Endpoint master = new Endpoint("10.0.0.1", 8443).redirectTo("::1");

    assertThat(master).isEqualTo(new Endpoint("[::1]", 8443));
    assertThat(master.toString()).isEqualTo("[::1]:8443");
    assertThat(java.net.URI.create("https://" + master + "/jsonrpc").getHost()).isEqualTo("[::1]");
    assertThat(master.bareHost()).isEqualTo("::1");
  }
}

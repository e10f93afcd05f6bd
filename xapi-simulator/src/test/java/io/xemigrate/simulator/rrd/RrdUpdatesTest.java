package io.xemigrate.simulator.rrd;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.simulator.Endpoints;
import io.xemigrate.simulator.Simulator;
import io.xemigrate.simulator.SimulatorOptions;
import io.xemigrate.simulator.scenario.ScenarioLoader;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiRecord;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code GET /rrd_updates} as xapi serves it: xport XML, archives, sessions, virtual time. */
class RrdUpdatesTest {
  private static final long EPOCH = SimulatorOptions.DEFAULT_EPOCH.getEpochSecond();

  private static Simulator simulator;
  private static Endpoints.HostEndpoint a1;
  private static String session;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    simulator =
        Simulator.start(
            ScenarioLoader.loadBundled("two-pools.yaml"),
            SimulatorOptions.manualClock().withPlainHttp(true));
    Endpoints.PoolEndpoint pool = simulator.endpoints().pool("pool-a");
    a1 = pool.hosts().stream().filter(h -> h.name().equals("a1")).findFirst().orElseThrow();
    String body =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"session.login_with_password\","
            + "\"params\":[\"auditor\",\"auditor-pass\",\"1.0\",\"test\"]}";
    HttpResponse<String> login =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(pool.master() + "/jsonrpc"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    session = login.body().replaceAll(".*\"result\":\"([^\"]+)\".*", "$1");
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  private static HttpResponse<String> get(String query) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(a1.url() + "/rrd_updates?" + query)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Document xml(String text) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static String meta(Document doc, String tag) {
    return doc.getElementsByTagName(tag).item(0).getTextContent();
  }

  private static List<String> legend(Document doc) {
    NodeList entries = doc.getElementsByTagName("entry");
    List<String> legend = new ArrayList<>();
    for (int i = 0; i < entries.getLength(); i++) {
      legend.add(entries.item(i).getTextContent());
    }
    return legend;
  }

  @Test
  void theHostAndItsRunningVmsAreExportedWithXapisSourceNames() throws Exception {
    simulator.clock().advance(Duration.ofSeconds(120));
    long now = now();
    HttpResponse<String> response =
        get("session_id=" + session + "&start=" + (now - 60) + "&cf=AVERAGE&interval=5&host=true");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("text/xml");
    Document doc = xml(response.body());
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("xport");
    assertThat(meta(doc, "step")).isEqualTo("5");
    List<String> legend = legend(doc);
    String host = "AVERAGE:host:" + a1.uuid() + ":";
    assertThat(legend)
        .startsWith(host + "cpu_avg", host + "memory_free_kib", host + "memory_total_kib")
        .contains(host + "pif_eth0_tx", host + "pif_eth0_rx");
    XapiRecord web = vm("web-01");
    String vm = "AVERAGE:vm:" + web.uuid() + ":";
    assertThat(legend)
        .contains(
            vm + "cpu0",
            vm + "cpu1",
            vm + "memory",
            vm + "memory_internal_free",
            vm + "vbd_xvda_read",
            vm + "vbd_xvda_write",
            vm + "vif_0_tx",
            vm + "vif_0_rx");
    // Only VMs running on a1: none of pool-b's or a2's.
    long vmsOnA1 =
        simulator
            .pool("pool-a")
            .store()
            .where(
                XapiClass.VM,
                r ->
                    r.string("resident_on").equals(hostRef())
                        && !r.bool("is_control_domain")
                        && r.string("power_state").equals("Running"))
            .size();
    assertThat(legend.stream().filter(l -> l.endsWith(":memory") && l.contains(":vm:")))
        .hasSize((int) vmsOnA1);
    // Rows newest first, 5 s apart, from start (included, as xapi-rrd's loop does) to now; the
    // meta start is the first step after start; a value per legend entry.
    NodeList rows = doc.getElementsByTagName("row");
    assertThat(Integer.parseInt(meta(doc, "rows"))).isEqualTo(rows.getLength()).isEqualTo(13);
    assertThat(meta(doc, "end")).isEqualTo(Long.toString(now));
    assertThat(meta(doc, "start")).isEqualTo(Long.toString(now - 55));
    Element newest = (Element) rows.item(0);
    Element next = (Element) rows.item(1);
    assertThat(Long.parseLong(text(newest, "t")) - Long.parseLong(text(next, "t"))).isEqualTo(5);
    assertThat(newest.getElementsByTagName("v").getLength()).isEqualTo(legend.size());
  }

  @Test
  void anOlderStartIsServedFromACoarserArchive() throws Exception {
    simulator.clock().advance(Duration.ofSeconds(5));
    long now = now();
    Document hour =
        xml(get("session_id=" + session + "&start=" + (now - 3600) + "&host=true").body());
    assertThat(meta(hour, "step")).isEqualTo("60");
    Document coarse =
        xml(get("session_id=" + session + "&start=" + (now - 600) + "&interval=3600").body());
    assertThat(meta(coarse, "step")).isEqualTo("3600");
    // Without host=true only VMs are exported.
    assertThat(legend(coarse)).noneMatch(l -> l.contains(":host:"));
  }

  @Test
  void readingByStartThenEndGivesTheLastRowAgainThenOnlyNewOnes() throws Exception {
    long now = now();
    Document first =
        xml(get("session_id=" + session + "&start=" + (now - 30) + "&host=true").body());
    long end = Long.parseLong(meta(first, "end"));
    String firstNewest = text((Element) first.getElementsByTagName("row").item(0), "v");
    simulator.clock().advance(Duration.ofSeconds(20));
    Document second = xml(get("session_id=" + session + "&start=" + end + "&host=true").body());
    NodeList rows = second.getElementsByTagName("row");
    assertThat(rows.getLength()).isEqualTo(5);
    assertThat(Long.parseLong(text((Element) rows.item(4), "t"))).isEqualTo(end);
    for (int i = 0; i < 4; i++) {
      assertThat(Long.parseLong(text((Element) rows.item(i), "t"))).isGreaterThan(end);
    }
    // Stored data: asking again for the first window reads the same values.
    Document again =
        xml(get("session_id=" + session + "&start=" + (now - 30) + "&host=true").body());
    String sameRow = null;
    NodeList againRows = again.getElementsByTagName("row");
    for (int i = 0; i < againRows.getLength(); i++) {
      Element row = (Element) againRows.item(i);
      if (Long.parseLong(text(row, "t")) == end) {
        sameRow = text(row, "v");
      }
    }
    assertThat(sameRow).isEqualTo(firstNewest);
  }

  @Test
  void noOrDeadSessionIsUnauthorisedAndNoStartIsABadRequest() throws Exception {
    assertThat(get("start=0").statusCode()).isEqualTo(401);
    HttpResponse<String> dead = get("session_id=OpaqueRef:nope&start=0");
    assertThat(dead.statusCode()).isEqualTo(401);
    assertThat(dead.headers().firstValue("www-authenticate")).hasValue("Basic realm=\"xapi\"");
    assertThat(get("session_id=" + session).statusCode()).isEqualTo(400);
    assertThat(get("session_id=" + session + "&start=0&cf=MAX").statusCode()).isEqualTo(500);
  }

  @Test
  void noDirtyRateOrWorkingSetIsExported() throws Exception {
    long now = now();
    String body = get("session_id=" + session + "&start=" + (now - 7200) + "&host=true").body();
    assertThat(body).doesNotContain("dirty").doesNotContain("working_set");
    assertThat(legend(xml(body))).allMatch(l -> l.startsWith("AVERAGE:"));
  }

  private static long now() {
    return EPOCH + simulator.clock().nanos() / 1_000_000_000L;
  }

  private static String text(Element row, String tag) {
    return row.getElementsByTagName(tag).item(0).getTextContent();
  }

  private static String hostRef() {
    return simulator
        .pool("pool-a")
        .store()
        .findByUuid(XapiClass.HOST, a1.uuid())
        .orElseThrow()
        .ref();
  }

  private static XapiRecord vm(String name) {
    return simulator
        .pool("pool-a")
        .store()
        .where(XapiClass.VM, r -> r.string("name_label").equals(name))
        .get(0);
  }
}

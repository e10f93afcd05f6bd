package io.xemigrate.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * {@code plan-show format=svg|html out=}: the timeline of a five-move plan, one of whose VMs is
 * named like markup; the SVG is parsed as XML.
 */
class PlanShowTimelineTest {
  static final String HOSTILE = "<b onclick=\"x()\">db & 'co'</b>";

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private Path plan;
  private int scheduled;

  @BeforeEach
  void planWithAHostileName() throws Exception {
    ObjectMapper json = new ObjectMapper();
    JsonNode tree;
    try (InputStream in = getClass().getResourceAsStream("/timeline/plan.json")) {
      tree = json.readTree(in);
    }
    ((ObjectNode) tree.at("/moves/0")).put("vmName", HOSTILE);
    for (JsonNode move : tree.get("moves")) {
      scheduled += move.at("/schedule/sequence").asInt(-1) >= 0 ? 1 : 0;
    }
    plan = dir.resolve("plan.json");
    Files.writeString(plan, json.writeValueAsString(tree));
  }

  private ExitCode run(String... args) {
    return new XeMigrate(
            Main.commands(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(args);
  }

  @Test
  void svgHasOneBarPerScheduledMoveAMakespanAxisAndEscapedNames() throws Exception {
    Path svg = dir.resolve("plan.svg");
    assertThat(run("plan-show", "plan=" + plan, "format=svg", "out=" + svg))
        .isEqualTo(ExitCode.DONE);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("timeline written to " + svg);
    String text = Files.readString(svg);
    assertThat(text).doesNotContain("<b ").contains("&lt;b onclick=&quot;x()&quot;&gt;");

    Document document = parse(text);
    assertThat(scheduled).isEqualTo(5);
    assertThat(byClass(document, "rect", "bar")).hasSize(scheduled);
    assertThat(byClass(document, "rect", "pause")).hasSize(scheduled);
    assertThat(byClass(document, "line", "makespan")).hasSize(1);
    assertThat(byClass(document, "text", "makespan-label"))
        .singleElement()
        .extracting(Element::getTextContent)
        .isEqualTo("makespan 4684.7 s");
    assertThat(byClass(document, "line", "tick")).hasSizeGreaterThan(3);
    assertThat(byClass(document, "text", "vm").stream().map(Element::getTextContent))
        .contains(HOSTILE, "web-01");
    assertThat(byClass(document, "text", "lane-title").stream().map(Element::getTextContent))
        .allMatch(title -> title.startsWith("to "));
  }

  @Test
  void bySendingNicAndHtmlEmbedTheSameBars() throws Exception {
    Path html = dir.resolve("plan.html");
    assertThat(run("plan-show", "plan=" + plan, "format=html", "out=" + html, "by=nic"))
        .isEqualTo(ExitCode.DONE);
    String text = Files.readString(html);
    assertThat(text).startsWith("<!DOCTYPE html>").doesNotContain("<script").contains("<svg ");
    String svg = text.substring(text.indexOf("<svg "), text.indexOf("</svg>") + 6);
    Document document = parse(svg);
    assertThat(byClass(document, "rect", "bar")).hasSize(scheduled);
    assertThat(byClass(document, "text", "lane-title").stream().map(Element::getTextContent))
        .allMatch(title -> title.startsWith("from "));
  }

  @Test
  void badFormatOrMissingOutIsOneLineAndExitTwo() {
    assertThat(run("plan-show", "plan=" + plan, "format=pdf")).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("xe-migrate: error: unknown format 'pdf' in format=: give table, svg or html\n");
    err.reset();
    assertThat(run("plan-show", "plan=" + plan, "format=svg")).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("xe-migrate: error: format=svg writes a file: give it with out=FILE\n");
    err.reset();
    assertThat(
            run(
                "plan-show",
                "plan=" + plan,
                "format=svg",
                "out=" + dir.resolve("missing/plan.svg")))
        .isEqualTo(ExitCode.BAD_INPUT);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("its folder does not exist")
        .hasLineCount(1);
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  private static List<Element> byClass(Document document, String tag, String cssClass) {
    NodeList nodes = document.getElementsByTagName(tag);
    List<Element> found = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      Element element = (Element) nodes.item(i);
      if (element.getAttribute("class").equals(cssClass)) {
        found.add(element);
      }
    }
    return found;
  }
}

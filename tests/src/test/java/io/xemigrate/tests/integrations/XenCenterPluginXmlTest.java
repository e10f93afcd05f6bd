package io.xemigrate.tests.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The packaged {@code xe-migrate.xcplugin.xml} follows the XenCenter plugin specification (a schema
 * written from it, {@code xencenter/xcplugin.xsd}) and the rules of XenCenter's loader the schema
 * cannot say: the folder layout, a MenuItem's single child node, searches and method lists that
 * exist, a launcher that exists, menu items for VMs, hosts and pools.
 */
class XenCenterPluginXmlTest {
  private final XenCenterPluginFile plugin = XenCenterPluginFile.packaged();

  @Test
  void validatesAgainstTheSchemaOfTheSpecification() throws Exception {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    URL schema = getClass().getResource("/xencenter/xcplugin.xsd");
    Validator validator = factory.newSchema(schema).newValidator();

    validator.validate(new StreamSource(plugin.file.toFile()));
  }

  @Test
  void sitsWhereTheLoaderLooksForIt() {
    // <install dir>\Plugins\<organization>\<plugin>\<plugin>.xcplugin.xml
    assertThat(plugin.file.getFileName().toString())
        .isEqualTo(plugin.folder.getFileName() + ".xcplugin.xml");
    assertThat(plugin.document.getDocumentElement().getLocalName()).isEqualTo("XenCenterPlugin");
    assertThat(plugin.document.getDocumentElement().getNamespaceURI())
        .isEqualTo(XenCenterPluginFile.NAMESPACE);
    assertThat(plugin.document.getDocumentElement().getAttribute("version")).isEqualTo("1");
  }

  @Test
  void offersTheMenuItemsOnVmsHostsAndPools() {
    Map<String, List<String>> expected =
        Map.of(
            "xe-migrate-vm-check", List.of("vm", "Check migration…", "vm-migrate-check", "VM"),
            "xe-migrate-vm-plan", List.of("vm", "Plan migration…", "vm-migrate-plan", "VM"),
            "xe-migrate-host-evacuate",
                List.of("server", "Evacuate host with xe-migrate…", "host-evacuate", "Server"),
            "xe-migrate-host-plan",
                List.of("server", "Plan host evacuation…", "host-evacuate-plan", "Server"),
            "xe-migrate-pool-check",
                List.of("pool", "Compare pools with xe-migrate…", "pool-check", "Pool"));
    assertThat(names(plugin.select("//*[local-name()='MenuItem']")))
        .containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach(
        (name, want) -> {
          Element item = plugin.menuItem(name);
          assertThat(item.getAttribute("menu")).as(name).isEqualTo(want.get(0));
          assertThat(item.getAttribute("label")).as(name).isEqualTo(want.get(1));
          assertThat(plugin.commandLine(name, List.of()))
              .as(name)
              .containsExactly("xencenter", want.get(2));
          // The search that enables the item selects exactly the objects the command works on.
          Element search = search(item.getAttribute("search"));
          assertThat(names(search, "QueryScope")).as(name).containsExactly(want.get(3));
        });
  }

  @Test
  void everyFeatureHasOneCommandChildAndNoOtherNode() {
    // XenCenter counts ChildNodes: a comment inside a MenuItem or a Search breaks the plugin.
    NodeList features = plugin.select("//*[local-name()='MenuItem' or local-name()='Search']");
    assertThat(features.getLength()).isPositive();
    for (int i = 0; i < features.getLength(); i++) {
      List<Node> kids = new ArrayList<>();
      collect(features.item(i), kids);
      assertThat(kids)
          .as("%s", ((Element) features.item(i)).getAttribute("name"))
          .allSatisfy(
              node ->
                  assertThat(
                          node.getNodeType() == Node.ELEMENT_NODE
                              || (node.getNodeType() == Node.TEXT_NODE
                                  && node.getTextContent().isBlank()))
                      .isTrue());
    }
    assertThat(plugin.select("//*[local-name()='MenuItem']/*").getLength())
        .isEqualTo(plugin.select("//*[local-name()='MenuItem']").getLength());
  }

  @Test
  void namesAreUniqueAndReferencesResolve() {
    List<String> featureNames = names(plugin.select("//*[@name and local-name()!='Search']"));
    assertThat(new HashSet<>(featureNames)).hasSameSizeAs(featureNames);
    NodeList shells = plugin.select("//*[local-name()='Shell']");
    for (int i = 0; i < shells.getLength(); i++) {
      Element shell = (Element) shells.item(i);
      String list = shell.getAttribute("required_method_list");
      if (!list.isEmpty()) {
        assertThat(
                plugin.select("//*[local-name()='MethodList'][@name='" + list + "']").getLength())
            .isEqualTo(1);
      }
    }
  }

  @Test
  void everyShellStartsTheLauncherShippedInThePluginFolder() throws IOException {
    NodeList shells = plugin.select("//*[local-name()='Shell']");
    Set<String> files = new HashSet<>();
    for (int i = 0; i < shells.getLength(); i++) {
      files.add(((Element) shells.item(i)).getAttribute("filename"));
    }
    // Relative to XenCenter's install directory, with Windows separators.
    assertThat(files).containsExactly("Plugins\\xe-migrate\\xe-migrate\\xe-migrate.bat");
    Path launcher = plugin.folder.resolve("xe-migrate.bat");
    String bat = Files.readString(launcher, StandardCharsets.UTF_8);
    // cmd.exe wants CRLF line ends.
    assertThat(bat).contains("\r\n");
    assertThat(bat.replace("\r\n", "")).doesNotContain("\n");
    assertThat(bat)
        .contains("io.xemigrate.plugin.cli.Main %*")
        .contains("pause")
        .contains("exit /b %RC%");
    // The session reference is among the arguments: the launcher never shows them.
    assertThat(bat.lines().filter(line -> !line.startsWith("rem")))
        .noneMatch(line -> line.startsWith("echo") && line.contains("%*"));
  }

  private Element search(String uuid) {
    NodeList found = plugin.select("//*[local-name()='Search'][@uuid='" + uuid + "']");
    assertThat(found.getLength()).as("Search %s", uuid).isEqualTo(1);
    return (Element) found.item(0);
  }

  private static void collect(Node node, List<Node> into) {
    for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
      into.add(child);
      collect(child, into);
    }
  }

  private static List<String> names(NodeList nodes) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      names.add(((Element) nodes.item(i)).getAttribute("name"));
    }
    return names;
  }

  /** The local names of the element children of {@code parent}'s {@code child} element. */
  private static List<String> names(Element parent, String child) {
    Element scope = (Element) parent.getElementsByTagNameNS("*", child).item(0);
    List<String> names = new ArrayList<>();
    for (Node node = scope.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node.getNodeType() == Node.ELEMENT_NODE) {
        names.add(node.getLocalName());
      }
    }
    return names;
  }
}

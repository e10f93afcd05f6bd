package io.xemigrate.tests.integrations;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The packaged XCP-ng Center plugin: {@code <organization>/<plugin>/<plugin>.xcplugin.xml} under
 * {@code packaging/src/dist/plugins/xencenter}, read as XenCenter's loader reads it.
 */
final class XenCenterPluginFile {
  static final String NAMESPACE = "http://www.citrix.com/XenCenter/Plugins/schema";
  static final Path PLUGINS = Path.of("..", "packaging", "src", "dist", "plugins", "xencenter");
  static final String ORGANIZATION = "xe-migrate";
  static final String PLUGIN = "xe-migrate";

  final Path folder;
  final Path file;
  final Document document;

  private XenCenterPluginFile(Path folder, Path file, Document document) {
    this.folder = folder;
    this.file = file;
    this.document = document;
  }

  static XenCenterPluginFile packaged() {
    Path folder = PLUGINS.resolve(ORGANIZATION).resolve(PLUGIN);
    Path file = folder.resolve(PLUGIN + ".xcplugin.xml");
    try (InputStream in = Files.newInputStream(file)) {
      return new XenCenterPluginFile(folder, file, builder().parse(in));
    } catch (IOException | SAXException | ParserConfigurationException e) {
      throw new AssertionError("cannot read " + file, e);
    }
  }

  static DocumentBuilder builder() throws ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    return factory.newDocumentBuilder();
  }

  /** The {@code MenuItem} named {@code name}. */
  Element menuItem(String name) {
    NodeList items = document.getElementsByTagNameNS(NAMESPACE, "MenuItem");
    for (int i = 0; i < items.getLength(); i++) {
      Element item = (Element) items.item(i);
      if (item.getAttribute("name").equals(name)) {
        return item;
      }
    }
    throw new AssertionError("no MenuItem named " + name + " in " + file);
  }

  /** The {@code Shell} of a menu item. */
  Element shell(String menuItem) {
    return (Element) menuItem(menuItem).getElementsByTagNameNS(NAMESPACE, "Shell").item(0);
  }

  /**
   * The words XenCenter puts before the selected objects: the {@code param} values split at commas
   * and trimmed (MenuItemFeature.paramsFromXML), then {@code extra} as an administrator would
   * append them to {@code param}. Our params hold no {@code {$...}} placeholder, so XenCenter's
   * substitution leaves them as they are.
   */
  List<String> commandLine(String menuItem, List<String> extra) {
    String param = shell(menuItem).getAttribute("param");
    if (param.contains("{$")) {
      throw new AssertionError("placeholders in param of " + menuItem + ": substitute them here");
    }
    List<String> words = new ArrayList<>();
    Arrays.stream(param.split(","))
        .map(String::trim)
        .filter(word -> !word.isEmpty())
        .forEach(words::add);
    words.addAll(extra);
    return words;
  }

  NodeList select(String xpath) {
    try {
      return (NodeList)
          XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET);
    } catch (XPathExpressionException e) {
      throw new AssertionError(xpath, e);
    }
  }
}

package io.xemigrate.tests.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.xapi.XapiErrorTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No error name used anywhere in the project is missing from xapi's table (xapi-client's {@code
 * xapi-errors.tsv}): every code the simulator raises, the planner reports, the client classifies or
 * explains and the executor checks for, as string constants in the sources of every module, in the
 * READMEs and docs, and in the planner-versus-simulator table. Names that are not error codes at
 * all are listed, by kind, in {@code error-names/not-xapi.txt}.
 */
class XapiErrorNamesTest {
  private static final Path ROOT = Path.of("..");
  private static final List<String> MODULES =
      List.of(
          "xapi-client",
          "xapi-simulator",
          "migration-planner",
          "xe-plugin",
          "storage-motion",
          "network-handoff",
          "packaging",
          "tests");

  /** Tests that name wrong codes on purpose, to show they are refused. */
  private static final Set<String> NAMING_WRONG_CODES =
      Set.of("XapiErrorTableTest.java", "XapiErrorNamesTest.java");

  private static final String CODE = "[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+";
  private static final Pattern JAVA_CONSTANT = Pattern.compile("\"(" + CODE + ")\"");
  private static final Pattern DOC_CODE = Pattern.compile("`(" + CODE + ")`");
  private static final Pattern YAML_CODE = Pattern.compile("\\b(" + CODE + ")\\b");
  private static final List<String> PROJECT_PREFIXES = List.of("XE_", "XDG_", "JAVA_");

  @Test
  void everyErrorNameInTheProjectIsXapis() throws IOException {
    Set<String> notXapi = new TreeSet<>(lines(resource("/error-names/not-xapi.txt")));
    Map<String, String> strangers = new TreeMap<>();
    for (Path file : sources()) {
      for (String name : names(file)) {
        boolean known =
            XapiErrorTable.contains(name)
                || notXapi.contains(name)
                || PROJECT_PREFIXES.stream().anyMatch(name::startsWith);
        if (!known) {
          strangers.putIfAbsent(name, ROOT.relativize(file).toString());
        }
      }
    }
    assertThat(strangers).as("names not in xapi's table, with a file that uses each").isEmpty();
  }

  @Test
  void noNameListedAsNotXapisIsXapis() throws IOException {
    List<String> listed = lines(resource("/error-names/not-xapi.txt"));
    assertThat(listed).noneMatch(XapiErrorTable::contains);
  }

  @Test
  void theSimulatorsCopyAgreesWithXapisTable() throws IOException {
    Map<String, String> copy = new TreeMap<>();
    for (String line : lines(resource("/io/xemigrate/simulator/store/xapi-errors.tsv"))) {
      String[] columns = line.split("\t", -1);
      copy.put(columns[0], columns.length > 1 ? columns[1] : "");
    }
    copy.forEach(
        (name, parameters) -> {
          assertThat(XapiErrorTable.contains(name)).as(name).isTrue();
          String xapis =
              XapiErrorTable.parameters(name).map(list -> String.join(",", list)).orElse("?");
          assertThat(parameters).as(name).isEqualTo(xapis);
        });
    Set<String> raised = new TreeSet<>();
    for (Path file : sources(ROOT.resolve("xapi-simulator/src/main"))) {
      names(file).stream().filter(XapiErrorTable::contains).forEach(raised::add);
    }
    assertThat(copy.keySet()).as("the simulator's copy").containsAll(raised);
  }

  private static List<Path> sources() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String module : MODULES) {
      files.addAll(sources(ROOT.resolve(module)));
    }
    try (Stream<Path> top = Files.list(ROOT)) {
      top.filter(path -> path.toString().endsWith(".md")).forEach(files::add);
    }
    Path docs = ROOT.resolve("docs");
    if (Files.isDirectory(docs)) {
      files.addAll(sources(docs));
    }
    return files;
  }

  private static List<Path> sources(Path directory) throws IOException {
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.filter(Files::isRegularFile)
          .filter(path -> !path.toString().contains("/target/"))
          .filter(path -> !NAMING_WRONG_CODES.contains(path.getFileName().toString()))
          .filter(XapiErrorNamesTest::scanned)
          .sorted()
          .toList();
    }
  }

  private static boolean scanned(Path path) {
    String name = path.getFileName().toString();
    return name.endsWith(".java")
        || name.endsWith(".md")
        || (name.endsWith(".yaml") && path.toString().contains("crosscheck"));
  }

  private static List<String> names(Path file) throws IOException {
    String name = file.getFileName().toString();
    Pattern pattern =
        name.endsWith(".java") ? JAVA_CONSTANT : name.endsWith(".md") ? DOC_CODE : YAML_CODE;
    List<String> names = new ArrayList<>();
    Matcher matcher = pattern.matcher(Files.readString(file, StandardCharsets.UTF_8));
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = XapiErrorNamesTest.class.getResourceAsStream(name)) {
      return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<String> lines(String text) {
    return text.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
  }
}

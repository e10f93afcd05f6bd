package io.xemigrate.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.xemigrate.plugin.cli.Main;
import io.xemigrate.simulator.Simulator;
import io.xemigrate.simulator.SimulatorOptions;
import io.xemigrate.simulator.migration.MigrationExtension;
import io.xemigrate.simulator.scenario.Scenario;
import io.xemigrate.simulator.scenario.ScenarioLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus (issue 17): every line of {@code bad-input/corpus.txt} is one bad
 * invocation, which must exit 2 with exactly one line on stderr that says what was wrong (the
 * line's fragment) and shows no Java class name, no stack trace and no path the invocation did not
 * give. The lines run in this JVM through {@link Main#run} with captured streams (fast); those
 * marked {@code process:} run again as separate JVMs, as the launcher starts them.
 */
class BadInputCorpusTest {
  private static final Pattern CLASS_NAME = Pattern.compile("[a-z]+\\.[a-z]+\\.[A-Z]\\w+");
  private static final Pattern ABSOLUTE_PATH = Pattern.compile("(?<![\\w:/.!\\[])/[^\\s'\",;:)]+");

  @TempDir static Path dir;
  private static Simulator simulator;
  private static MigrationExtension migration;
  private static Path endpoints;
  private static String savedHome;

  @BeforeAll
  static void prepare() throws IOException, URISyntaxException {
    Scenario scenario = ScenarioLoader.loadBundled("two-pools.yaml");
    SimulatorOptions options = SimulatorOptions.manualClock();
    migration = MigrationExtension.of(scenario, options.clock());
    simulator = Simulator.start(scenario, options.withExtension(migration));
    endpoints = dir.resolve("endpoints.json");
    simulator.writeEndpoints(endpoints);
    fixtures(Files.createDirectories(dir.resolve("files")));
    Files.createDirectories(dir.resolve("tmp"));
    // In this JVM the data and configuration directories follow user.home: keep them here.
    savedHome = System.getProperty("user.home");
    System.setProperty("user.home", Files.createDirectories(dir.resolve("home")).toString());
  }

  @AfterAll
  static void stop() {
    System.setProperty("user.home", savedHome);
    simulator.close();
    migration.close();
  }

  /** One line of the corpus: its number, the arguments, the fragment its error must contain. */
  record Case(int line, List<String> args, String fragment, boolean process) {
    @Override
    public String toString() {
      return line + ": " + String.join(" ", args);
    }
  }

  static Stream<Arguments> corpus() {
    return cases().stream().map(Arguments::of);
  }

  static Stream<Arguments> processSample() {
    return cases().stream().filter(Case::process).map(Arguments::of);
  }

  @Test
  void theCorpusHoldsAtLeastTwoHundredInvocations() {
    assertThat(cases()).hasSizeGreaterThanOrEqualTo(200);
    assertThat(cases().stream().filter(Case::process)).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void inThisJvm(Case bad) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = Main.run(bad.args().toArray(String[]::new), outStream, errStream);
    }
    assertOneLineError(bad, exit, err.toString(StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processSample")
  void asAProcess(Case bad) throws IOException {
    CliProcess cli = new CliProcess(Files.createDirectories(dir.resolve("process-config")));
    CliProcess.Result result = cli.run(bad.args().toArray(String[]::new));
    assertOneLineError(bad, result.exitCode(), result.err());
  }

  /** {@code run-list} and {@code job-list} when the data directory is not a directory. */
  @Test
  void aDataDirectoryThatIsAFileIsOneLine() throws IOException {
    Path notADirectory = Files.writeString(dir.resolve("data-is-a-file"), "x");
    CliProcess cli = new CliProcess(dir.resolve("process-config"), notADirectory);
    for (String command : List.of("run-list", "job-list", "run-show")) {
      CliProcess.Result result =
          command.equals("run-show") ? cli.run(command, "run=run-1") : cli.run(command);
      Case expected =
          new Case(0, List.of(command, notADirectory.toString()), "is not a directory", true);
      assertOneLineError(expected, result.exitCode(), result.err());
    }
  }

  private static void assertOneLineError(Case bad, int exit, String err) {
    List<String> lines = err.lines().filter(line -> !line.isBlank()).toList();
    assertThat(lines).as("stderr of %s", bad).hasSize(1);
    String line = lines.get(0);
    assertThat(exit).as("exit code of %s: %s", bad, line).isEqualTo(2);
    assertThat(line).as("%s", bad).startsWith("xe-migrate: error: ").contains(bad.fragment());
    assertThat(CLASS_NAME.matcher(line).find()).as("a class name in: %s", line).isFalse();
    assertThat(line).doesNotContain("Exception").doesNotContain("\tat ");
    Matcher paths = ABSOLUTE_PATH.matcher(line);
    while (paths.find()) {
      String path = paths.group();
      boolean given =
          path.startsWith(dir.toString())
              || bad.args().stream().anyMatch(arg -> arg.contains(path) || path.startsWith(arg));
      assertThat(given).as("a path the user did not give (%s) in: %s", path, line).isTrue();
    }
  }

  private static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    try {
      List<String> lines =
          new String(
                  BadInputCorpusTest.class
                      .getResourceAsStream("/bad-input/corpus.txt")
                      .readAllBytes(),
                  StandardCharsets.UTF_8)
              .lines()
              .toList();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        boolean process = line.startsWith("process:");
        if (process) {
          line = line.substring("process:".length()).strip();
        }
        int arrow = line.lastIndexOf(" => ");
        String command = line.substring(0, arrow);
        String fragment = line.substring(arrow + 4).strip();
        List<String> args =
            Stream.of(command.split("\\s+"))
                .map(
                    arg ->
                        arg.replace("{pools}", "pools=" + endpoints)
                            .replace("{f}", dir.toString())
                            .replace("{tmp}", dir.resolve("tmp").toString()))
                .toList();
        cases.add(new Case(i + 1, args, fragment, process));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return cases;
  }

  /** The files of {@code bad-input/files}, plus those a resource cannot be. */
  private static void fixtures(Path files) throws IOException, URISyntaxException {
    Path resources = Path.of(BadInputCorpusTest.class.getResource("/bad-input/files").toURI());
    try (Stream<Path> listed = Files.list(resources)) {
      for (Path file : listed.toList()) {
        Files.copy(file, files.resolve(file.getFileName()));
      }
    }
    Files.createDirectories(files.resolve("adir"));
    // Written here, not kept as a resource: the repository ignores *.db files.
    Files.writeString(files.resolve("not-sqlite.db"), "not a sqlite database, just text\n");
    Files.write(files.resolve("not-utf8.json"), new byte[] {'{', (byte) 0xff, (byte) 0xfe, '}'});
    Files.createSymbolicLink(
        files.resolve("link.json"), Files.writeString(files.resolve("target.txt"), "keep"));
    try (RandomAccessFile huge = new RandomAccessFile(files.resolve("huge.json").toFile(), "rw")) {
      huge.setLength(17L * 1024 * 1024);
    }
    new ProcessBuilder("mkfifo", files.resolve("fifo").toString()).start().onExit().join();
    ObjectMapper json = new ObjectMapper();
    ObjectNode golden = (ObjectNode) json.readTree(Golden.DIRECTORY.resolve("plan.json").toFile());
    ObjectNode future = golden.deepCopy().put("formatVersion", 999);
    Files.writeString(files.resolve("plan-future.json"), future.toString());
    ObjectNode twice = golden.deepCopy();
    ArrayNode moves = (ArrayNode) twice.get("moves");
    JsonNode first = moves.get(0);
    moves.add(first.deepCopy());
    Files.writeString(files.resolve("plan-twice.json"), twice.toString());
  }
}

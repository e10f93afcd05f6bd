package io.xemigrate.tests.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The launchers' JVM flags by command, read from the java command the installed launcher runs
 * (JAVA_HOME points at a {@code java} that prints its arguments): long-running commands get the
 * JIT's full tiers and G1, short ones C1 only and the serial collector. The repository's {@code
 * ./xe-migrate} chooses with the same block.
 */
class LauncherFlagsTest {
  private static final Path INSTALLED =
      Path.of("..", "packaging", "src", "dist", "bin", "xe-migrate");
  private static final Path REPOSITORY = Path.of("..", "xe-migrate");
  private static final String SHORT = "-XX:+UseSerialGC -XX:TieredStopAtLevel=1";

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"serve", "sim", "bench", "demo"})
  void longRunningCommandsGetFullTiersAndG1(String command) throws Exception {
    String java = javaCommand("--json", command, "key=value");

    assertThat(java).contains("-XX:+UseG1GC").doesNotContain("TieredStopAtLevel", "SerialGC");
    assertThat(java).endsWith("io.xemigrate.plugin.cli.Main --json " + command + " key=value");
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "--version", "vm-list", "plan-show", "help serve", "job-list"})
  void shortCommandsStartFastWithC1AndSerialGc(String words) throws Exception {
    String java = javaCommand(words.split(" "));

    assertThat(java).contains(SHORT).doesNotContain("G1");
  }

  @Test
  void theRepositoryLauncherChoosesWithTheSameBlock() throws IOException {
    assertThat(chooser(REPOSITORY))
        .isEqualTo(chooser(INSTALLED))
        .anyMatch(line -> line.startsWith("serve | sim | bench | demo)"));
  }

  /** The {@code case} lines of {@code jvm_flags}, without indentation. */
  private static List<String> chooser(Path script) throws IOException {
    List<String> lines = Files.readAllLines(script, StandardCharsets.UTF_8);
    int start = lines.indexOf("jvm_flags() {");
    assertThat(start).as("jvm_flags in %s", script).isNotNegative();
    List<String> body = new ArrayList<>();
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.equals("}")) {
        break;
      }
      if (!line.strip().startsWith("local ")) {
        body.add(line.strip());
      }
    }
    return body;
  }

  private String javaCommand(String... args) throws Exception {
    Path bin = Files.createDirectories(dir.resolve("jdk/bin"));
    Path java = bin.resolve("java");
    Files.writeString(java, "#!/bin/sh\necho \"$@\"\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
    List<String> command = new ArrayList<>(List.of("sh", INSTALLED.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("JAVA_HOME", dir.resolve("jdk").toString());
    builder.environment().put("XE_MIGRATE_HOME", dir.toString());
    builder.environment().remove("JAVA_OPTS");
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    return out.strip();
  }
}

package io.xemigrate.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one logging setup, seen from a user's terminal: {@code bench}, which logs in and out of
 * simulated pools all the time, prints no log record by default, and the INFO records with {@code
 * verbose=true}, one line each (no two-line java.util.logging records).
 */
class QuietLoggingTest {
  @TempDir static Path dir;
  private static CliProcess cli;
  private static String scenario;

  @BeforeAll
  static void copyScenario() throws IOException {
    Path file = dir.resolve("daemon-pools.yaml");
    try (InputStream in = QuietLoggingTest.class.getResourceAsStream("/daemon/daemon-pools.yaml")) {
      Files.copy(in, file);
    }
    scenario = "scenario=" + file;
    cli = new CliProcess(Files.createDirectories(dir.resolve("config")));
  }

  @Test
  void benchPrintsNoLogRecordByDefault() {
    CliProcess.Result result = cli.run("bench", scenario, "speed=200");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("| daemon-pools | cold | xe-migrate (balanced) |");
    assertThat(result.errLines()).containsExactly("bench: daemon-pools ...");
  }

  @Test
  void verboseShowsTheInfoRecordsOneLineEach() {
    CliProcess.Result result = cli.run("bench", scenario, "speed=200", "verbose=true");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.errLines())
        .anyMatch(line -> line.startsWith("INFO io.xemigrate.xapi - session login on "))
        .allMatch(
            line -> line.matches("(ERROR|WARN|INFO) [a-z.]+ - .*") || line.startsWith("bench: "),
            "one line per record");
  }

  @Test
  void aBadVerboseValueIsOneLineAndExitTwo() {
    CliProcess.Result result = cli.run("bench", scenario, "verbose=loud");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.errLines())
        .singleElement()
        .asString()
        .contains("verbose must be true or false, not 'loud'");
  }
}

package io.xemigrate.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class XeMigrateTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private ExitCode run(String... args) {
    XeMigrate cli =
        new XeMigrate(
            Main.commands(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return cli.run(args);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpListsEveryCommand() {
    assertThat(run("--help")).isEqualTo(ExitCode.DONE);
    assertThat(stdout())
        .contains("Usage: xe-migrate COMMAND")
        .contains("demo")
        .contains("vm-migrate ");
  }

  @Test
  void versionPrintsTheBuildVersion() {
    assertThat(run("--version")).isEqualTo(ExitCode.DONE);
    assertThat(stdout()).startsWith("xe-migrate ").doesNotContain("${");
  }

  @Test
  void unknownCommandIsBadInputOnOneLine() {
    assertThat(run("frobnicate")).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(stderr().strip())
        .isEqualTo(
            "xe-migrate: error: unknown command 'frobnicate'; run 'xe-migrate --help' for the list");
  }

  @Test
  void unknownParameterIsNamed() {
    assertThat(run("demo", "colour=blue")).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(stderr()).contains("unknown parameter 'colour' for demo").doesNotContain("\tat ");
  }

  @Test
  void parameterWithoutValueIsNamed() {
    assertThat(run("demo", "speed=")).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(stderr()).contains("parameter 'speed' has no value");
  }

  @Test
  void unknownFlagIsBadInput() {
    assertThat(run("--colour")).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(stderr().lines().count()).isEqualTo(1);
  }

  @Test
  void noCommandPrintsUsageAndFails() {
    assertThat(run()).isEqualTo(ExitCode.BAD_INPUT);
    assertThat(stdout()).contains("Usage:");
  }
}

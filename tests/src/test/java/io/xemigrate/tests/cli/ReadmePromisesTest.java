package io.xemigrate.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the root README promises a newcomer (issue 17, item 19), checked against the product: the
 * help it shows is what {@code --help} prints, every simulator it starts says its speed (the
 * default is real time), and the exit codes and Xen's limits are written down.
 */
class ReadmePromisesTest {
  private static final Path README = Path.of("..", "README.md");

  @TempDir Path dir;

  @Test
  void theHelpShownIsWhatHelpPrints() throws IOException {
    String readme = read();
    Matcher shown =
        Pattern.compile("\\$ \\./xe-migrate --help\\n(.*?)\\n```", Pattern.DOTALL).matcher(readme);
    assertThat(shown.find()).as("the README shows ./xe-migrate --help").isTrue();

    CliProcess.Result help = new CliProcess(dir).run("--help");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out().strip()).isEqualTo(shown.group(1).strip());
  }

  @Test
  void everySimulatorTheReadmeStartsSaysItsSpeed() throws IOException {
    Matcher starts = Pattern.compile("\\./xe-migrate sim scenario=[^`]*").matcher(read());
    List<String> commands = starts.results().map(m -> m.group()).toList();

    assertThat(commands).isNotEmpty().allSatisfy(c -> assertThat(c).contains(" speed="));
  }

  @Test
  void theExitCodesAndWhatXenCannotDoAreWrittenDown() throws IOException {
    String readme = read();

    assertThat(readme).contains("130 stopped by Ctrl-C", "143 by SIGTERM");
    assertThat(readme).contains("## What Xen cannot do", "post-copy", "container migration");
  }

  private static String read() throws IOException {
    return Files.readString(README, StandardCharsets.UTF_8);
  }
}

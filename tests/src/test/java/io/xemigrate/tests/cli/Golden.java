package io.xemigrate.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code tests/src/test/resources/golden/}, compared exactly after replacing
 * port numbers; {@code -Dgolden.update=true} rewrites them.
 */
final class Golden {
  static final Path DIRECTORY = Path.of("src", "test", "resources", "golden");

  private Golden() {}

  static boolean updating() {
    return Boolean.getBoolean("golden.update");
  }

  static void assertMatches(String name, String actual) {
    String normalised = normalisePorts(actual);
    Path file = DIRECTORY.resolve(name);
    try {
      if (updating()) {
        Files.createDirectories(DIRECTORY);
        Files.writeString(file, normalised, StandardCharsets.UTF_8);
        return;
      }
      assertThat(normalised)
          .as("golden file %s (regenerate with -Dgolden.update=true)", file)
          .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String normalisePorts(String text) {
    return text.replaceAll("(127\\.0\\.0\\.1|localhost):\\d+", "$1:PORT");
  }
}

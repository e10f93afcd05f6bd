package io.xemigrate.tests.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The build's tarball, unpacked as a user would, and the tools the sandbox tests need. */
final class Tarball {
  private Tarball() {}

  /** Unpacks packaging/target's tarball into {@code dir}; its top folder. */
  static Path unpack(Path dir) throws IOException, InterruptedException {
    Path tarball;
    try (Stream<Path> files = Files.list(Path.of("..", "packaging", "target"))) {
      tarball =
          files
              .filter(path -> path.getFileName().toString().endsWith(".tar.gz"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no tarball in packaging/target"));
    }
    Process tar =
        new ProcessBuilder("tar", "-xzf", tarball.toAbsolutePath().toString(), "-C", dir.toString())
            .inheritIO()
            .start();
    assertThat(tar.waitFor(2, TimeUnit.MINUTES)).isTrue();
    try (Stream<Path> unpacked = Files.list(dir)) {
      return unpacked
          .filter(path -> path.getFileName().toString().startsWith("xe-migrate-"))
          .findFirst()
          .orElseThrow();
    }
  }

  /** Whether {@code tool} is on the PATH. */
  static boolean onPath(String tool) throws IOException, InterruptedException {
    return new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor() == 0;
  }
}

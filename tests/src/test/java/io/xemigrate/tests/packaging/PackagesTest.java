package io.xemigrate.tests.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distributions as a user gets them: the tarball unpacks and runs; in CI (as root, where
 * installing a package is allowed) the .deb installs, runs from PATH and purges without a trace,
 * and lintian and rpmlint judge the .deb and .rpm as the distributions do.
 */
class PackagesTest {
  private static final Path PACKAGES = Path.of("..", "packaging", "target");

  @TempDir Path unpacked;

  @Test
  void tarballUnpacksAndRuns() throws Exception {
    Path tarball = only("xe-migrate-", ".tar.gz");

    run(List.of("tar", "-xzf", tarball.toAbsolutePath().toString(), "-C", unpacked.toString()));
    Path home = only(unpacked, "xe-migrate-", "");

    assertThat(home.resolve("bin/xe-migrate")).isExecutable();
    assertThat(home.resolve("systemd/xe-migrate.service")).exists();
    assertThat(home.resolve("etc/pools.example.yaml")).exists();
    Path xenCenter = home.resolve("plugins/xencenter/xe-migrate/xe-migrate");
    assertThat(xenCenter.resolve("xe-migrate.xcplugin.xml")).exists();
    assertThat(xenCenter.resolve("xe-migrate.bat")).exists();
    assertThat(home.resolve("plugins/xapi/xe-migrate")).isExecutable();
    assertThat(run(List.of(home.resolve("bin/xe-migrate").toString(), "--version")))
        .startsWith("xe-migrate ");
  }

  @Test
  @EnabledIfEnvironmentVariable(named = "CI", matches = "true")
  void debInstallsRunsFromPathAndPurgesCleanly() throws Exception {
    Path deb = only("xe-migrate_", ".deb");
    run(List.of("dpkg", "--purge", "xe-migrate"));

    run(List.of("dpkg", "-i", deb.toAbsolutePath().toString()));
    try {
      assertThat(run(List.of("xe-migrate", "--version"))).startsWith("xe-migrate ");
      assertThat(run(List.of("id", "-u", "xe-migrate"))).isNotBlank();
      assertThat(Path.of("/var/lib/xe-migrate")).isDirectory();
      assertThat(Path.of("/lib/systemd/system/xe-migrate.service")).exists();
    } finally {
      run(List.of("dpkg", "--purge", "xe-migrate"));
    }

    assertThat(Path.of("/usr/bin/xe-migrate")).doesNotExist();
    assertThat(Path.of("/usr/share/xe-migrate")).doesNotExist();
    assertThat(Path.of("/var/lib/xe-migrate")).doesNotExist();
    assertThat(run(List.of("getent", "passwd", "xe-migrate"))).isEmpty();
  }

  @Test
  @EnabledIfEnvironmentVariable(named = "CI", matches = "true")
  void lintianFindsNoErrorInTheDeb() throws Exception {
    assumeTrue(onPath("lintian"), "lintian is not installed (.ci/run installs it)");
    Path deb = only("xe-migrate_", ".deb");

    String report = run(List.of("lintian", "--tag-display-limit", "0", deb.toString()));

    assertThat(report.lines().filter(line -> line.startsWith("E: "))).as(report).isEmpty();
  }

  /**
   * rpmlint's errors but one: the package is not signed (signing belongs to the publisher). Its
   * %changelog is written by the packaging module's RpmChangelog step.
   */
  @Test
  @EnabledIfEnvironmentVariable(named = "CI", matches = "true")
  void rpmlintFindsNoErrorInTheRpmButTheSignature() throws Exception {
    assumeTrue(onPath("rpmlint") && onPath("rpm"), "rpmlint is not installed (.ci/run does)");
    Path rpm = only("xe-migrate-", ".noarch.rpm");

    String report = run(List.of("rpmlint", rpm.toString()));

    assertThat(report).doesNotContain("fatal error");
    assertThat(
            report
                .lines()
                .filter(line -> line.contains(" E: "))
                .filter(line -> !line.endsWith(" E: no-signature")))
        .as(report)
        .isEmpty();
  }

  private static boolean onPath(String tool) throws IOException, InterruptedException {
    return new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor() == 0;
  }

  private static Path only(String prefix, String suffix) throws IOException {
    return only(PACKAGES, prefix, suffix);
  }

  private static Path only(Path folder, String prefix, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> matches =
          files
              .filter(
                  path -> {
                    String name = path.getFileName().toString();
                    return name.startsWith(prefix) && name.endsWith(suffix);
                  })
              .toList();
      assertThat(matches).as("%s*%s in %s", prefix, suffix, folder).hasSize(1);
      return matches.get(0);
    }
  }

  /** Runs a command to its end and returns its standard output (standard error is merged). */
  private static String run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("%s ended", command).isTrue();
    return new String(output, StandardCharsets.UTF_8).strip();
  }
}

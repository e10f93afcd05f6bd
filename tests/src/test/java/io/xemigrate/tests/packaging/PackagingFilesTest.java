package io.xemigrate.tests.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The packaging's own files: the compressed manual page and changelog the packages ship are those
 * of their sources; the manual page covers every command and exit code; the systemd unit stops
 * cleanly and is rated 3.0 or lower by {@code systemd-analyze security} (where systemd-analyze is
 * installed).
 */
class PackagingFilesTest {
  private static final Path PACKAGING = Path.of("..", "packaging", "src");
  private static final Path MAN = PACKAGING.resolve("dist/man/xe-migrate.1");
  private static final Path UNIT = PACKAGING.resolve("dist/systemd/xe-migrate.service");

  @Test
  void theShippedGzipFilesAreTheirSources() throws IOException {
    assertThat(gunzip(PACKAGING.resolve("deb/doc/xe-migrate.1.gz")))
        .as("regenerate with: gzip -9n -c %s > packaging/src/deb/doc/xe-migrate.1.gz", MAN)
        .isEqualTo(Files.readString(MAN, StandardCharsets.UTF_8));
    assertThat(gunzip(PACKAGING.resolve("deb/doc/changelog.gz")))
        .isEqualTo(
            Files.readString(PACKAGING.resolve("deb/doc/changelog"), StandardCharsets.UTF_8));
  }

  @Test
  void theManualPageCoversEveryCommandAndExitCode() throws IOException {
    String page = Files.readString(MAN, StandardCharsets.UTF_8);
    String help = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    List<String> commands =
        help.lines()
            .dropWhile(line -> !line.equals("Commands:"))
            .skip(1)
            .takeWhile(line -> !line.isBlank())
            .map(line -> line.strip().split(" ")[0])
            .toList();

    assertThat(commands).contains("serve", "plan-apply", "xencenter");
    assertThat(commands).allSatisfy(command -> assertThat(page).contains(".B " + command));
    for (String code : List.of("0", "1", "2", "3", "130", "143")) {
      assertThat(page).contains(".TP\n.B " + code + "\n");
    }
    assertThat(page).contains(".SH FILES", ".SH ENVIRONMENT", "XE_MIGRATE_DATA_DIR", "JAVA_HOME");
  }

  @Test
  void theUnitTreatsSigtermAsCleanAndKeepsTheJitWorking() throws IOException {
    String unit = Files.readString(UNIT, StandardCharsets.UTF_8);

    assertThat(unit.lines())
        .contains(
            "SuccessExitStatus=143",
            "UMask=0077",
            "CapabilityBoundingSet=",
            "NoNewPrivileges=true",
            "ProtectSystem=strict",
            "ReadWritePaths=/var/lib/xe-migrate",
            "SystemCallFilter=@system-service",
            "SystemCallArchitectures=native",
            "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX")
        .noneMatch(line -> line.startsWith("MemoryDenyWriteExecute="));
  }

  @Test
  void systemdAnalyzeRatesTheUnitThreeOrLower() throws Exception {
    assumeTrue(
        new ProcessBuilder("sh", "-c", "command -v systemd-analyze").start().waitFor() == 0,
        "systemd-analyze is not installed (.ci/run installs it)");
    Process analyze =
        new ProcessBuilder(
                "systemd-analyze", "security", "--offline=true", "--no-pager", UNIT.toString())
            .redirectErrorStream(true)
            .start();
    String report = new String(analyze.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(analyze.waitFor(2, TimeUnit.MINUTES)).isTrue();

    String overall =
        report
            .lines()
            .filter(line -> line.contains("Overall exposure level"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(report));
    double exposure = Double.parseDouble(overall.replaceAll(".*: (\\d+\\.\\d+) .*", "$1").strip());
    assertThat(exposure).as(overall).isLessThanOrEqualTo(3.0);
  }

  private static String gunzip(Path file) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

package io.xemigrate.tests.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.xemigrate.simulator.Simulator;
import io.xemigrate.simulator.SimulatorOptions;
import io.xemigrate.simulator.scenario.ScenarioLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed daemon under the systemd unit's restrictions, as far as this machine allows without
 * systemd as PID 1: the unpacked tarball's launcher runs {@code serve} (with its API) as an
 * unprivileged user, with no capabilities (empty bounding, inheritable and ambient sets), no new
 * privileges and umask 0077 (setpriv does what CapabilityBoundingSet=, NoNewPrivileges= and UMask=
 * do). It gets ready, writes its journal readable by itself only, and stops on SIGTERM with exit 0.
 * The file system, system call and namespace restrictions need systemd itself; {@code
 * systemd-analyze security} checks them on the unit (PackagingFilesTest).
 */
class SandboxedServeTest {
  private static final int NOBODY = 65534;

  @TempDir Path dir;

  @Test
  void serveStartsAndStopsCleanlyWithoutPrivileges() throws Exception {
    assumeTrue(
        "root".equals(System.getProperty("user.name")) && Tarball.onPath("setpriv"),
        "needs root and setpriv to drop to an unprivileged user");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path home = Tarball.unpack(dir);
    Path state = Files.createDirectory(dir.resolve("state"));
    Files.setAttribute(state, "unix:uid", NOBODY);
    Files.setAttribute(state, "unix:gid", NOBODY);
    Path token = dir.resolve("api-token");
    Files.writeString(token, "sandboxed-serve-token-0123456789\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
    Files.setAttribute(token, "unix:uid", NOBODY);
    try (Simulator simulator =
        Simulator.start(
            ScenarioLoader.loadBundled("two-pools.yaml"), SimulatorOptions.manualClock())) {
      Path endpoints = dir.resolve("endpoints.json");
      simulator.writeEndpoints(endpoints);
      Files.setAttribute(endpoints, "unix:uid", NOBODY);
      Path config = dir.resolve("jobs.yaml");
      Files.writeString(
          config,
          "pools: endpoints.json\n"
              + "database: state/journal.db\n"
              + "api: {listen: 127.0.0.1:0, tokenFile: api-token}\n"
              + "jobs: []\n",
          StandardCharsets.UTF_8);
      Path errors = dir.resolve("errors.txt");
      ProcessBuilder builder =
          new ProcessBuilder(
                  "setpriv",
                  "--reuid=" + NOBODY,
                  "--regid=" + NOBODY,
                  "--clear-groups",
                  "--no-new-privs",
                  "--bounding-set=-all",
                  "--inh-caps=-all",
                  "--ambient-caps=-all",
                  "sh",
                  "-c",
                  "umask 0077 && exec \"$0\" serve config=\"$1\"",
                  home.resolve("bin/xe-migrate").toString(),
                  config.toString())
              .redirectError(errors.toFile());
      builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
      builder.environment().put("XE_MIGRATE_DATA_DIR", state.toString());
      builder.environment().put("HOME", state.toString());
      Process serve = builder.start();
      List<String> lines = new ArrayList<>();
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          lines.add(line);
          if (line.contains(" ready;")) {
            // SIGTERM as systemd stops the unit (Process.destroy would also close our end).
            new ProcessBuilder("kill", "-TERM", Long.toString(serve.pid())).start().waitFor();
          }
        }
      } finally {
        if (!serve.waitFor(2, TimeUnit.MINUTES)) {
          serve.destroyForcibly();
        }
      }

      assertThat(lines).as(() -> lines + " " + read(errors)).anyMatch(l -> l.contains(" ready;"));
      assertThat(serve.exitValue()).as(() -> read(errors)).isZero();
      assertThat(read(errors)).isEmpty();
      assertThat(Files.getPosixFilePermissions(state.resolve("journal.db")))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return e.toString();
    }
  }
}

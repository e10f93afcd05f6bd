package io.xemigrate.tests.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands that open the journal, run by an unprivileged user (setpriv, as in {@link
 * SandboxedServeTest}) from the unpacked tarball, with a data directory that user cannot write: one
 * line naming the place and what to do, exit 2, no driver message or stack trace. Root would write
 * anywhere, so these cases only exist for another user.
 */
class UnwritableDataDirectoryTest {
  private static final int NOBODY = 65534;

  /** Every command that opens the journal in the data directory, with its required arguments. */
  private static final List<List<String>> JOURNAL_COMMANDS =
      List.of(
          List.of("run-list"),
          List.of("run-show", "run=r-1"),
          List.of("run-resume", "run=r-1"),
          List.of("run-cancel", "run=r-1"),
          List.of("host-restore", "run=r-1"),
          List.of("job-list"),
          List.of("job-history", "job=nightly"));

  @TempDir Path dir;
  private Path launcher;

  @BeforeEach
  void unpack() throws Exception {
    assumeTrue(
        "root".equals(System.getProperty("user.name")) && Tarball.onPath("setpriv"),
        "needs root and setpriv to drop to an unprivileged user");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    launcher = Tarball.unpack(dir).resolve("bin/xe-migrate");
  }

  @Test
  void aDataDirectoryOwnedBySomeoneElseIsOneLineAndExit2() throws Exception {
    Path data = rootOwned(dir.resolve("data"));

    for (List<String> command : JOURNAL_COMMANDS) {
      assertRefused(
          runAsNobody(data, command),
          "the data directory " + data + " (XE_MIGRATE_DATA_DIR) is not writable");
    }
  }

  /** SQLite writes its journal files beside the database: a writable file is not enough. */
  @Test
  void aJournalTheUserOwnsInAFolderTheUserCannotWriteIsOneLineAndExit2() throws Exception {
    Path data = rootOwned(dir.resolve("data"));
    Result created = run(data, List.of(launcher.toString(), "run-list"));
    assertThat(created.exitCode()).as(created.err()).isZero();
    Files.setAttribute(data.resolve("journal.db"), "unix:uid", NOBODY);

    for (List<String> command : JOURNAL_COMMANDS) {
      assertRefused(
          runAsNobody(data, command),
          "the data directory " + data + " (XE_MIGRATE_DATA_DIR) is not writable");
    }
    assertRefused(
        runAsNobody(data, List.of("job-list", "database=" + data.resolve("journal.db"))),
        "given by database= cannot be written: its folder " + data + " is not writable");
  }

  @Test
  void aJournalSomeoneElseOwnsIsOneLineAndExit2() throws Exception {
    Path data = Files.createDirectory(dir.resolve("data"));
    Files.setAttribute(data, "unix:uid", NOBODY);
    Result created = run(data, List.of(launcher.toString(), "run-list"));
    assertThat(created.exitCode()).as(created.err()).isZero();

    assertRefused(runAsNobody(data, List.of("run-list")), "is not readable and writable");
    assertRefused(runAsNobody(data, List.of("job-list")), "is not readable and writable");
  }

  @Test
  void aDataDirectoryThatCannotBeCreatedIsOneLineAndExit2() throws Exception {
    Path parent = rootOwned(dir.resolve("parent"));
    Path data = parent.resolve("xe-migrate");

    assertRefused(
        runAsNobody(data, List.of("run-list")),
        "cannot be created: " + parent + " is not writable by this user");
    assertThat(data).doesNotExist();
  }

  private static void assertRefused(Result result, String expected) {
    assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
    assertThat(result.out()).isEmpty();
    assertThat(result.err().lines().toList())
        .as(result.err())
        .singleElement()
        .satisfies(line -> assertThat(line).startsWith("xe-migrate: error: ").contains(expected))
        .satisfies(line -> assertThat(line).doesNotContain("SQLITE", "Exception", "java."));
  }

  private Path rootOwned(Path folder) throws IOException {
    Files.createDirectory(folder);
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
    return folder;
  }

  private Result runAsNobody(Path data, List<String> command) throws Exception {
    List<String> line = new ArrayList<>();
    line.addAll(
        List.of(
            "setpriv",
            "--reuid=" + NOBODY,
            "--regid=" + NOBODY,
            "--clear-groups",
            "--no-new-privs",
            launcher.toString()));
    line.addAll(command);
    return run(data, line);
  }

  private Result run(Path data, List<String> command) throws Exception {
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("XE_MIGRATE_DATA_DIR", data.toString());
    Process process = builder.start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not end");
    }
    return new Result(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private record Result(int exitCode, String out, String err) {}
}

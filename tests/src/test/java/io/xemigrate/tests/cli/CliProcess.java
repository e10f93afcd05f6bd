package io.xemigrate.tests.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code io.xemigrate.plugin.cli.Main} as a separate JVM on the test JVM's class path, the way
 * the launcher does, with its own configuration and data directories (so that a journal never lands
 * in the user's home).
 */
public final class CliProcess {
  private final Path configHome;
  private final Path dataDirectory;

  /** Configuration in {@code configHome}, data (the journal) in its {@code data} subdirectory. */
  public CliProcess(Path configHome) {
    this(configHome, configHome.resolve("data"));
  }

  public CliProcess(Path configHome, Path dataDirectory) {
    this.configHome = configHome;
    this.dataDirectory = dataDirectory;
  }

  /** What a run printed and how it ended. */
  public record Result(int exitCode, String out, String err) {
    /** Every non-empty line of the error stream. */
    public List<String> errLines() {
      return err.lines().filter(line -> !line.isBlank()).toList();
    }
  }

  public Result run(String... args) {
    List<String> command = command(args);
    try {
      Path out = Files.createTempFile(configHome, "out", ".txt");
      Path err = Files.createTempFile(configHome, "err", ".txt");
      Process process =
          builder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("xe-migrate " + String.join(" ", args) + " did not end");
      }
      return new Result(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /**
   * Starts the command and returns at once: its standard output is a pipe to read line by line (a
   * test may kill the process at a chosen line), its errors go to {@code errors}.
   */
  public Process start(Path errors, String... args) {
    try {
      return builder(command(args)).redirectError(errors.toFile()).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ProcessBuilder builder(List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("XDG_CONFIG_HOME", configHome.toString());
    builder.environment().put("XE_MIGRATE_DATA_DIR", dataDirectory.toString());
    return builder;
  }

  private static List<String> command(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Djdk.serialFilter=!*");
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Xshare:auto");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("io.xemigrate.plugin.cli.Main");
    command.addAll(List.of(args));
    return command;
  }
}

package io.xemigrate.tests.daemon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code xe-migrate serve} as a separate JVM on the test class path (as {@code CliProcess} runs
 * commands), whose output lines the test waits for, and which it can kill with SIGKILL.
 */
final class DaemonProcess implements AutoCloseable {
  private final Process process;
  private final Path errors;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> seen = new ArrayList<>();
  private final Thread reader;

  private DaemonProcess(Process process, Path errors) {
    this.process = process;
    this.errors = errors;
    reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  lines.add(line);
                }
              } catch (IOException e) {
                // The process died: no more lines.
              }
            },
            "daemon-output");
    reader.setDaemon(true);
    reader.start();
  }

  static DaemonProcess serve(Path home, Path config, String... flags) {
    return start(home, new ArrayList<>(), config, flags);
  }

  /** As {@link #serve}, with at most {@code files} open file descriptors ({@code ulimit -n}). */
  static DaemonProcess serveUnderFileLimit(Path home, Path config, int files) {
    List<String> wrapper =
        new ArrayList<>(List.of("bash", "-c", "ulimit -n " + files + " && exec \"$@\"", "bash"));
    return start(home, wrapper, config);
  }

  private static DaemonProcess start(
      Path home, List<String> command, Path config, String... flags) {
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Xshare:auto");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("io.xemigrate.plugin.cli.Main");
    command.add("serve");
    command.add("config=" + config);
    command.addAll(List.of(flags));
    Path errors = home.resolve("daemon-err-" + System.nanoTime() + ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
    builder.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
    builder.environment().put("XE_MIGRATE_DATA_DIR", home.resolve("data").toString());
    try {
      return new DaemonProcess(builder.start(), errors);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for an output line that {@code wanted} accepts; fails after {@code limit}. */
  String awaitLine(Predicate<String> wanted, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    try {
      while (true) {
        String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (line == null) {
          throw new AssertionError("no such line from the daemon; it printed " + seen);
        }
        seen.add(line);
        if (wanted.test(line)) {
          return line;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /**
   * Waits for the first of {@code processes} to print a line that {@code wanted} accepts and
   * returns its index; each process's queue is waited on in turn, a tenth of a second at a time.
   */
  static int awaitFirst(List<DaemonProcess> processes, Predicate<String> wanted, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    try {
      while (System.nanoTime() < deadline) {
        for (int i = 0; i < processes.size(); i++) {
          DaemonProcess process = processes.get(i);
          String line = process.lines.poll(100, TimeUnit.MILLISECONDS);
          if (line != null) {
            process.seen.add(line);
            if (wanted.test(line)) {
              return i;
            }
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
    throw new AssertionError("no such line from any daemon");
  }

  /** Every line of standard output, once the process has ended (120 s at most). */
  List<String> output() throws InterruptedException {
    waitFor();
    reader.join(TimeUnit.SECONDS.toMillis(120));
    lines.drainTo(seen);
    return List.copyOf(seen);
  }

  /** The lines read so far. */
  List<String> seen() {
    return List.copyOf(seen);
  }

  /** Waits for the process to end by itself (120 s at most) and returns its exit code. */
  int exitCode() {
    waitFor();
    return process.exitValue();
  }

  /** What the process wrote to standard error so far. */
  String errors() {
    try {
      return Files.readString(errors, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SIGKILL: no shutdown hook runs, nothing is released or recorded. */
  void kill() {
    process.destroyForcibly();
    waitFor();
  }

  /** SIGTERM: the daemon stops as it would under systemd. */
  @Override
  public void close() {
    process.destroy();
    waitFor();
  }

  private void waitFor() {
    try {
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

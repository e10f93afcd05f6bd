package io.xemigrate.tests.logging;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Every log record written in this JVM while open, as lines. Logging goes through SLF4J to
 * slf4j-simple, which writes each record as one line to the current {@code System.err}; this tees
 * {@code System.err} into a buffer (the test JVM logs {@code io.xemigrate} at every level: see the
 * surefire configuration of this module).
 */
public final class LogCapture implements AutoCloseable {
  private final PrintStream original = System.err;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  private LogCapture() {
    OutputStream tee =
        new OutputStream() {
          @Override
          public void write(int b) {
            synchronized (captured) {
              captured.write(b);
            }
            original.write(b);
          }

          @Override
          public void write(byte[] bytes, int offset, int length) {
            synchronized (captured) {
              captured.write(bytes, offset, length);
            }
            original.write(bytes, offset, length);
          }
        };
    System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
  }

  /** Starts capturing; {@link #close} restores {@code System.err}. */
  public static LogCapture start() {
    return new LogCapture();
  }

  /** The lines written so far. */
  public List<String> lines() {
    synchronized (captured) {
      return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }
  }

  @Override
  public void close() {
    System.err.flush();
    System.setErr(original);
  }
}

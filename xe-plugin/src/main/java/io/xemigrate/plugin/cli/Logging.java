package io.xemigrate.plugin.cli;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one logging setup. Everything logs through SLF4J to its one binding, slf4j-simple: our {@link
 * System.Logger}s (through slf4j-jdk-platform-logging), netty and sqlite-jdbc. Records go to
 * standard error, one line each ({@code WARN io.xemigrate.xapi - ...}). By default only ERROR
 * records show, so a user's terminal carries the commands' own output and nothing from internals;
 * {@code verbose=true} (every command) shows INFO and up, a daemon configuration's {@code logLevel}
 * chooses for {@code serve}, and {@code -Dorg.slf4j.simpleLogger.defaultLogLevel} in {@code
 * JAVA_OPTS} wins over both.
 *
 * <p>slf4j-simple reads its settings when the first logger is made, so these run before anything
 * logs: {@link #start} as the command line is read, {@link #configured} right after a daemon
 * configuration is read.
 */
final class Logging {
  static final String LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

  /** The levels a configuration may name, as slf4j-simple spells them. */
  static final Set<String> LEVELS = Set.of("error", "warn", "info", "debug", "trace", "off");

  private static volatile boolean chosen;

  private Logging() {}

  /** Sets the defaults: ERROR only, or INFO with {@code verbose}; a {@code -D} level stays. */
  static void start(boolean verbose) {
    System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
    System.setProperty("org.slf4j.simpleLogger.levelInBrackets", "false");
    // Our provider is on the class path: SLF4J's own start-up notes are noise.
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    if (System.getProperty(LEVEL) != null) {
      chosen = true;
      return;
    }
    chosen = verbose;
    System.setProperty(LEVEL, verbose ? "info" : "error");
  }

  /** A configuration's level, unless {@code verbose=true} or {@code -D} chose already. */
  static void configured(Optional<String> level) {
    if (!chosen && level.isPresent()) {
      System.setProperty(LEVEL, level.get().toLowerCase(Locale.ROOT));
    }
  }
}

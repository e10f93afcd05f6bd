package io.xemigrate.xapi;

import java.io.Console;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the password comes from: a file, an environment variable or an interactive prompt. Never
 * the command line, where it would show in {@code ps} and in the shell history.
 */
@FunctionalInterface
public interface PasswordSource {

  /** Reads the password; called once per login. */
  Secret read();

  /** The first line of a file (the file should be readable by its owner only). */
  static PasswordSource file(Path path) {
    return new PasswordSource() {
      @Override
      public Secret read() {
        try {
          String content = Files.readString(path, StandardCharsets.UTF_8);
          int newline = content.indexOf('\n');
          String line = newline < 0 ? content : content.substring(0, newline);
          return Secret.of(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read the password file " + path, e);
        }
      }

      @Override
      public String toString() {
        return "password file " + path;
      }
    };
  }

  /** An environment variable; {@code environment} is normally {@link System#getenv()}. */
  static PasswordSource environment(String variable, Map<String, String> environment) {
    return new PasswordSource() {
      @Override
      public Secret read() {
        String value = environment.get(variable);
        if (value == null) {
          throw new IllegalStateException("the environment variable " + variable + " is not set");
        }
        return Secret.of(value);
      }

      @Override
      public String toString() {
        return "environment variable " + variable;
      }
    };
  }

  /** Asks on the console without echo. */
  static PasswordSource prompt(Console console, String user) {
    return new PasswordSource() {
      @Override
      public Secret read() {
        char[] typed = console.readPassword("Password for %s: ", user);
        if (typed == null) {
          throw new IllegalStateException("no password was entered");
        }
        return Secret.of(new String(typed));
      }

      @Override
      public String toString() {
        return "console prompt";
      }
    };
  }
}

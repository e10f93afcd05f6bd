package io.xemigrate.plugin.cli;

import java.io.PrintStream;

/** Where a command writes: its output, its errors, and whether the user asked for JSON. */
public record Console(PrintStream out, PrintStream err, boolean json) {

  public void line(String text) {
    out.println(text);
  }

  /** Prints a one-line error in the same form for every command. */
  public void error(String message) {
    err.println("xe-migrate: error: " + message);
  }
}

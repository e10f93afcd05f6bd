package io.xemigrate.plugin.cli;

import java.io.Console;

/** The y/N question before anything moves; {@code yes=true} skips it. */
final class Confirmation {
  private Confirmation() {}

  static boolean confirmed(boolean yes, io.xemigrate.plugin.cli.Console console, String question) {
    if (yes) {
      return true;
    }
    Console terminal = System.console();
    if (terminal == null) {
      console.error("not a terminal: add yes=true to go ahead without the question");
      return false;
    }
    String answer = terminal.readLine("%s [y/N] ", question);
    return answer != null
        && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"));
  }
}

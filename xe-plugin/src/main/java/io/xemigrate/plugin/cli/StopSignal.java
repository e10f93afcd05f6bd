package io.xemigrate.plugin.cli;

import sun.misc.Signal;

/**
 * SIGTERM as a request to stop, for the long-running commands: systemd's stop (and {@code kill})
 * then ends the command's loop, the command closes what it opened in order and the process exits
 * with the command's own code (0), not the JVM's 143 after shutdown hooks.
 */
final class StopSignal {
  private StopSignal() {}

  /**
   * Runs {@code stop} on SIGTERM instead of the JVM's shutdown. Returns false where the signal
   * cannot be handled (a JVM started with {@code -Xrs}): SIGTERM then ends the JVM through its
   * shutdown hooks as before.
   */
  static boolean onTerminate(Runnable stop) {
    try {
      Signal.handle(new Signal("TERM"), signal -> stop.run());
      return true;
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      return false;
    }
  }
}

package io.xemigrate.plugin.cli;

import io.xemigrate.coordinator.run.RunListener;
import io.xemigrate.plugin.progress.JsonProgress;
import io.xemigrate.plugin.progress.PlainProgress;
import io.xemigrate.plugin.progress.TerminalProgress;
import java.time.Clock;

/** Chooses the progress view: JSON events, a live view on a terminal, plain lines otherwise. */
final class Progress {
  private Progress() {}

  static RunListener forConsole(Console console) {
    if (console.json()) {
      return new JsonProgress(console.out());
    }
    // System.console() is null when output is redirected: then plain lines.
    return System.console() != null
        ? new TerminalProgress(console.out(), Clock.systemUTC())
        : new PlainProgress(console.out());
  }
}

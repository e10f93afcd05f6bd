package io.xemigrate.xapi;

/** Asked between waits whether the caller wants the followed task cancelled. */
@FunctionalInterface
public interface CancellationSignal {
  boolean cancelRequested();

  static CancellationSignal never() {
    return () -> false;
  }
}

package io.xemigrate.xapi;

/** Receives a followed task's progress (0 to 1); {@code migrate_send} restarts at 0 for memory. */
@FunctionalInterface
public interface TaskProgressListener {
  void progress(double progress);
}

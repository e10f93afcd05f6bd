package io.xemigrate.plugin.run;

import java.time.Duration;

/**
 * How a run behaves. Data with documented defaults.
 *
 * @param maxPerSourceHost moves of this run sending from one host at once; default 3, xapi's limit
 *     of concurrent {@code migrate_send} per sending host
 * @param stopOnFailure after a failed move, start no further move (default false: continue)
 * @param taskWait the longest single {@code event.from} wait while a task is followed
 * @param slotPatience how long a move refused with {@code TOO_MANY_STORAGE_MIGRATES} waits for one
 *     of this run's moves to free a slot before it asks again (another client may hold the slot)
 * @param afterJournalWrite a hook run after every journal write: tests throw from it to crash the
 *     run at a chosen point; a no-op otherwise
 */
public record RunOptions(
    int maxPerSourceHost,
    boolean stopOnFailure,
    Duration taskWait,
    Duration slotPatience,
    Runnable afterJournalWrite) {

  public RunOptions {
    if (maxPerSourceHost < 1) {
      throw new IllegalArgumentException("maxPerSourceHost must be at least 1");
    }
  }

  public static RunOptions defaults() {
    return new RunOptions(3, false, Duration.ofSeconds(5), Duration.ofSeconds(2), () -> {});
  }

  public RunOptions withStopOnFailure(boolean stop) {
    return new RunOptions(maxPerSourceHost, stop, taskWait, slotPatience, afterJournalWrite);
  }

  public RunOptions withMaxPerSourceHost(int max) {
    return new RunOptions(max, stopOnFailure, taskWait, slotPatience, afterJournalWrite);
  }

  public RunOptions withAfterJournalWrite(Runnable hook) {
    return new RunOptions(maxPerSourceHost, stopOnFailure, taskWait, slotPatience, hook);
  }
}

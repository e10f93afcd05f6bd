package io.xemigrate.coordinator.run;

import java.time.Duration;
import java.time.Instant;

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
 * @param maxConcurrent moves of this run at once, all hosts together; 0 (default) means no limit
 *     besides {@code maxPerSourceHost}
 * @param startDeadline no move starts at or after this instant of the run's clock (a job's window);
 *     moves already started finish; moves not started end CANCELLED with {@code WINDOW_CLOSED}.
 *     Default {@link Instant#MAX}: none
 */
public record RunOptions(
    int maxPerSourceHost,
    boolean stopOnFailure,
    Duration taskWait,
    Duration slotPatience,
    Runnable afterJournalWrite,
    int maxConcurrent,
    Instant startDeadline) {

  /** The outcome code of a move not started because the run's start deadline had passed. */
  public static final String WINDOW_CLOSED = "WINDOW_CLOSED";

  public RunOptions {
    if (maxPerSourceHost < 1) {
      throw new IllegalArgumentException("maxPerSourceHost must be at least 1");
    }
    if (maxConcurrent < 0) {
      throw new IllegalArgumentException("maxConcurrent must be 0 (no limit) or more");
    }
  }

  public RunOptions(
      int maxPerSourceHost,
      boolean stopOnFailure,
      Duration taskWait,
      Duration slotPatience,
      Runnable afterJournalWrite) {
    this(
        maxPerSourceHost, stopOnFailure, taskWait, slotPatience, afterJournalWrite, 0, Instant.MAX);
  }

  public static RunOptions defaults() {
    return new RunOptions(3, false, Duration.ofSeconds(5), Duration.ofSeconds(2), () -> {});
  }

  public RunOptions withStopOnFailure(boolean stop) {
    return new RunOptions(
        maxPerSourceHost,
        stop,
        taskWait,
        slotPatience,
        afterJournalWrite,
        maxConcurrent,
        startDeadline);
  }

  public RunOptions withMaxPerSourceHost(int max) {
    return new RunOptions(
        max,
        stopOnFailure,
        taskWait,
        slotPatience,
        afterJournalWrite,
        maxConcurrent,
        startDeadline);
  }

  public RunOptions withAfterJournalWrite(Runnable hook) {
    return new RunOptions(
        maxPerSourceHost,
        stopOnFailure,
        taskWait,
        slotPatience,
        hook,
        maxConcurrent,
        startDeadline);
  }

  public RunOptions withMaxConcurrent(int max) {
    return new RunOptions(
        maxPerSourceHost,
        stopOnFailure,
        taskWait,
        slotPatience,
        afterJournalWrite,
        max,
        startDeadline);
  }

  public RunOptions withStartDeadline(Instant deadline) {
    return new RunOptions(
        maxPerSourceHost,
        stopOnFailure,
        taskWait,
        slotPatience,
        afterJournalWrite,
        maxConcurrent,
        deadline);
  }
}

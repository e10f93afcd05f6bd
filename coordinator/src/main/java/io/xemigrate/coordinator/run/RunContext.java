package io.xemigrate.coordinator.run;

import io.xemigrate.coordinator.journal.Journal;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What every move of one run shares: both pools, the journal (written under its own lock, one
 * transaction per write), the clock, the listener, the slots, the cancel flag and the watch on the
 * moves' progress.
 */
record RunContext(
    String runId,
    PoolSide source,
    PoolSide destination,
    Journal journal,
    Clock clock,
    RunListener listener,
    SlotGate slots,
    RunOptions options,
    AtomicBoolean cancel,
    ProgressWatch progress) {

  /** Runs one journal write, then the test hook that may simulate a crash right after it. */
  void write(Runnable write) {
    synchronized (journal) {
      write.run();
    }
    options.afterJournalWrite().run();
  }

  <T> T writeAndGet(java.util.function.Supplier<T> write) {
    T value;
    synchronized (journal) {
      value = write.get();
    }
    options.afterJournalWrite().run();
    return value;
  }
}

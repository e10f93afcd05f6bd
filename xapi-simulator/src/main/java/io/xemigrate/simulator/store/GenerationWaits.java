package io.xemigrate.simulator.store;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The callers of {@code event.from} that wait for the {@link ObjectStore}'s next change, under the
 * store's lock: woken by every change, counted so that a benchmark knows its waiters are held
 * without sleeping.
 */
final class GenerationWaits {
  private final ReentrantLock lock;
  private final Condition changed;
  private final Condition waiterArrived;
  private final LongSupplier generation;
  private int waiters;

  /** {@code generation} is read with {@code lock} held. */
  GenerationWaits(ReentrantLock lock, LongSupplier generation) {
    this.lock = lock;
    this.changed = lock.newCondition();
    this.waiterArrived = lock.newCondition();
    this.generation = generation;
  }

  /** After a change, with the lock held: wakes every waiter. */
  void changed() {
    changed.signalAll();
  }

  boolean awaitGenerationAfter(long since, Duration realTimeout) throws InterruptedException {
    lock.lock();
    waiters++;
    waiterArrived.signalAll();
    try {
      long nanos = realTimeout.toNanos();
      while (generation.getAsLong() <= since) {
        if (nanos <= 0) {
          return false;
        }
        nanos = changed.awaitNanos(nanos);
      }
      return true;
    } finally {
      waiters--;
      lock.unlock();
    }
  }

  int awaitWaiters(int count, Duration realTimeout) throws InterruptedException {
    lock.lock();
    try {
      long nanos = realTimeout.toNanos();
      while (waiters < count && nanos > 0) {
        nanos = waiterArrived.awaitNanos(nanos);
      }
      return waiters;
    } finally {
      lock.unlock();
    }
  }

  void wakeAll() {
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }
}

package io.xemigrate.coordinator.run;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Migration slots per sending host: at most {@code limit} moves of this run send from one host at
 * once (xapi refuses a fourth {@code migrate_send} with {@code TOO_MANY_STORAGE_MIGRATES}). A move
 * refused for lack of a slot waits here for the next release on its host.
 */
final class SlotGate {
  private final int limit;
  private final Map<String, Integer> busy = new HashMap<>();
  private final Map<String, Long> releases = new HashMap<>();

  SlotGate(int limit) {
    this.limit = limit;
  }

  synchronized boolean tryAcquire(String hostUuid) {
    int used = busy.getOrDefault(hostUuid, 0);
    if (used >= limit) {
      return false;
    }
    busy.put(hostUuid, used + 1);
    return true;
  }

  synchronized void release(String hostUuid) {
    busy.merge(hostUuid, -1, Integer::sum);
    releases.merge(hostUuid, 1L, Long::sum);
    notifyAll();
  }

  /**
   * Waits until a move of this run leaves {@code hostUuid} or {@code patience} passes (a move of
   * someone else may hold the slot: then the next attempt is the only way to know).
   */
  synchronized void awaitRelease(String hostUuid, Duration patience) throws InterruptedException {
    long seen = releases.getOrDefault(hostUuid, 0L);
    long deadline = System.nanoTime() + patience.toNanos();
    while (releases.getOrDefault(hostUuid, 0L) == seen) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }
}

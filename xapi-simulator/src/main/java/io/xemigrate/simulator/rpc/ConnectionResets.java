package io.xemigrate.simulator.rpc;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Armed connection resets per host endpoint: each of the next N requests that reach the host is
 * read in full and then its connection is closed without an answer, so the caller cannot tell
 * whether the call ran. Thread-safe.
 */
public final class ConnectionResets {
  /** Where the connection breaks relative to running the call. */
  public enum ResetPoint {
    /** The call never runs. */
    BEFORE_DISPATCH,
    /** The call runs (an {@code Async.} call creates its task); its answer is thrown away. */
    AFTER_DISPATCH
  }

  private final Map<String, Deque<ResetPoint>> armed = new HashMap<>();

  /** Arms {@code count} resets for the endpoint of {@code hostRef}. */
  public synchronized void arm(String hostRef, int count, ResetPoint point) {
    Deque<ResetPoint> queue = armed.computeIfAbsent(hostRef, ref -> new ArrayDeque<>());
    for (int i = 0; i < count; i++) {
      queue.add(point);
    }
  }

  /** Takes the next armed reset of {@code hostRef}'s endpoint, if any. */
  public synchronized Optional<ResetPoint> take(String hostRef) {
    Deque<ResetPoint> queue = armed.get(hostRef);
    return queue == null ? Optional.empty() : Optional.ofNullable(queue.poll());
  }
}

package io.xemigrate.simulator.rpc;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Armed connection resets: each of the next N requests that reach a host's endpoint (optionally
 * only calls of one method) is read in full, then its connection is closed without an answer, so
 * the caller cannot tell whether the call ran. Thread-safe.
 */
public final class ConnectionResets {
  /** Where the connection breaks relative to running the call. */
  public enum ResetPoint {
    /** The call never runs. */
    BEFORE_DISPATCH,
    /** The call runs (an {@code Async.} call creates its task); its answer is thrown away. */
    AFTER_DISPATCH
  }

  private record Armed(String hostRef, String method, ResetPoint point) {
    /** An empty method matches every call; {@code VM.migrate_send} also matches its Async form. */
    boolean matches(String ref, String called) {
      return hostRef.equals(ref)
          && (method.isEmpty() || called.equals(method) || called.equals("Async." + method));
    }
  }

  private final List<Armed> armed = new ArrayList<>();

  /**
   * Arms {@code count} resets on {@code hostRef}'s endpoint, for {@code method} or any ({@code
   * ""}).
   */
  public synchronized void arm(String hostRef, String method, int count, ResetPoint point) {
    for (int i = 0; i < count; i++) {
      armed.add(new Armed(hostRef, method, point));
    }
  }

  /** Takes the first armed reset matching this request, if any. */
  public synchronized Optional<ResetPoint> take(String hostRef, String method) {
    for (Iterator<Armed> it = armed.iterator(); it.hasNext(); ) {
      Armed next = it.next();
      if (next.matches(hostRef, method)) {
        it.remove();
        return Optional.of(next.point());
      }
    }
    return Optional.empty();
  }
}

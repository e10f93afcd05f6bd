package io.xemigrate.simulator.rpc;

import io.xemigrate.simulator.store.ObjectStore;
import java.util.Optional;

/**
 * What a handler knows about the call it serves.
 *
 * @param pool the pool the call reached
 * @param hostRef the host whose endpoint received the call
 * @param session the caller's session; empty for {@code session.login_with_password}
 * @param task the task of an {@code Async.} call
 * @param method the wire name without {@code Async.}
 */
public record CallContext(
    PoolRuntime pool,
    String hostRef,
    Optional<Session> session,
    Optional<String> task,
    String method) {

  public ObjectStore store() {
    return pool.store();
  }

  /** The caller's session; handlers of session-taking methods may rely on it. */
  public Session requireSession() {
    return session.orElseThrow(() -> new IllegalStateException(method + " has no session"));
  }
}

package io.xemigrate.simulator.rpc;

import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.store.ObjectStore;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions of one pool (failure-and-security.md §11): login against the scenario's users,
 * {@code SESSION_INVALID} for unknown, logged-out or expired sessions. A session idle for more than
 * 24 h of virtual time is destroyed at its next use, as xapi's garbage collector would have done.
 */
public final class Sessions {
  /** xapi's {@code inactive_session_timeout}. */
  public static final Duration IDLE_TIMEOUT = Duration.ofHours(24);

  private final ObjectStore store;
  private final Map<String, User> users;
  private final Map<String, Session> live = new ConcurrentHashMap<>();

  public Sessions(ObjectStore store, List<User> users) {
    ImmutableMap.Builder<String, User> byName = ImmutableMap.builder();
    users.forEach(u -> byName.put(u.name(), u));
    this.store = store;
    this.users = byName.buildOrThrow();
  }

  /**
   * Checks credentials and opens a session, or throws {@code SESSION_AUTHENTICATION_FAILED [uname;
   * msg]}. The caller adds xapi's deliberate delay.
   */
  public Session login(String user, String password, String originator, String hostRef) {
    User known = users.get(user);
    if (known == null || !known.password().equals(password)) {
      throw XapiException.of("SESSION_AUTHENTICATION_FAILED", user, "Authentication failure");
    }
    return mint(known.name(), known.role(), originator, hostRef, false);
  }

  /** Opens a session without a password: for {@code host.migrate_receive} and tests. */
  public Session mint(String user, Role role, String originator, String hostRef, boolean pool) {
    Instant now = store.now();
    String ref =
        store.create(
            XapiClass.SESSION,
            ImmutableMap.<String, Object>builder()
                .put("uuid", UUID.randomUUID().toString())
                .put("this_host", hostRef)
                .put("this_user", "OpaqueRef:NULL")
                .put("last_active", now)
                .put("validation_time", now)
                .put("pool", pool)
                .put("is_local_superuser", role == Role.POOL_ADMIN)
                .put("auth_user_name", user)
                .put("originator", originator)
                .buildOrThrow());
    Session session = new Session(ref, user, role, originator, pool);
    live.put(ref, session);
    return session;
  }

  /**
   * The session behind {@code ref}, touching its last-active time; else {@code SESSION_INVALID}.
   */
  public Session check(String ref) {
    Session session = live.get(ref);
    Optional<Instant> lastActive =
        store.find(XapiClass.SESSION, ref).map(r -> (Instant) r.get("last_active"));
    if (session == null || lastActive.isEmpty()) {
      throw XapiException.of("SESSION_INVALID", ref);
    }
    Instant now = store.now();
    if (Duration.between(lastActive.get(), now).compareTo(IDLE_TIMEOUT) > 0) {
      destroy(ref);
      throw XapiException.of("SESSION_INVALID", ref);
    }
    store.set(XapiClass.SESSION, ref, "last_active", now);
    return session;
  }

  /** Whether {@code ref} still names a live session; does not touch it. */
  public boolean isLive(String ref) {
    return live.containsKey(ref);
  }

  public void logout(String ref) {
    destroy(ref);
  }

  /**
   * Destroys a session (logout, expiry, a toolstack restart); waiters on it see SESSION_INVALID.
   */
  public void destroy(String ref) {
    if (live.remove(ref) != null && store.find(XapiClass.SESSION, ref).isPresent()) {
      store.destroy(XapiClass.SESSION, ref);
    }
    store.wakeWaiters();
  }

  /** Destroys every session, as a toolstack restart does. */
  public void destroyAll() {
    List.copyOf(live.keySet()).forEach(this::destroy);
  }
}

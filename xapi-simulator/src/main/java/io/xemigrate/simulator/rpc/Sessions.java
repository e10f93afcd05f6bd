package io.xemigrate.simulator.rpc;

import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.store.ObjectStore;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The sessions of one pool (docs/failure-semantics.md#session-limits): login against the scenario's
 * users, {@code SESSION_INVALID} for unknown, logged-out or expired sessions. A session idle for
 * more than 24 h of virtual time is destroyed at its next use, as xapi's garbage collector would
 * have done.
 */
public final class Sessions {
  /** xapi's {@code inactive_session_timeout}. */
  public static final Duration IDLE_TIMEOUT = Duration.ofHours(24);

  /** Sessions per originator (superuser) or per user name (others). */
  public static final int CAP_PER_GROUP = 500;

  /** Superuser sessions without an originator share one group with this lower cap. */
  public static final int CAP_EXTERNAL = 400;

  private final ObjectStore store;
  private final Map<String, User> users;
  private final Map<String, Session> live = new ConcurrentHashMap<>();
  // Kept beside the store: writing session.last_active on every call would make every call an
  // event, waking every event.from waiter subscribed to sessions or "*".
  private final Map<String, Instant> lastActive = new ConcurrentHashMap<>();
  private volatile Predicate<String> hasPendingTask = ref -> false;

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
    lastActive.put(ref, now);
    live.put(ref, session);
    enforceCap(session);
    return session;
  }

  /**
   * The session behind {@code ref}, touching its last-active time; else {@code SESSION_INVALID}.
   */
  public Session check(String ref) {
    Session session = live.get(ref);
    Instant last = lastActive.get(ref);
    if (session == null || last == null) {
      throw XapiException.of("SESSION_INVALID", ref);
    }
    Instant now = store.now();
    if (Duration.between(last, now).compareTo(IDLE_TIMEOUT) > 0) {
      destroy(ref);
      throw XapiException.of("SESSION_INVALID", ref);
    }
    lastActive.put(ref, now);
    return session;
  }

  /** Tells the cap which sessions have a pending task (those are never evicted). */
  public void setPendingTaskCheck(Predicate<String> check) {
    this.hasPendingTask = check;
  }

  /**
   * xapi's session caps (docs/failure-semantics.md#session-limits): the superuser's sessions are
   * grouped by originator, everyone else's by user name, 500 each; superuser sessions without an
   * originator share an "external" group capped at 400. Over a cap, the least recently active
   * sessions without a pending task go first.
   */
  private void enforceCap(Session added) {
    boolean superuser = added.role() == Role.POOL_ADMIN;
    String group = group(added);
    int cap = superuser && added.originator().isEmpty() ? CAP_EXTERNAL : CAP_PER_GROUP;
    List<Session> members =
        live.values().stream().filter(s -> !s.pool() && group(s).equals(group)).toList();
    int excess = members.size() - cap;
    if (excess <= 0) {
      return;
    }
    members.stream()
        .filter(s -> !s.ref().equals(added.ref()) && !hasPendingTask.test(s.ref()))
        .sorted(Comparator.comparing(s -> lastActive.getOrDefault(s.ref(), Instant.MIN)))
        .limit(excess)
        .forEach(s -> destroy(s.ref()));
  }

  private static String group(Session session) {
    if (session.role() == Role.POOL_ADMIN) {
      return "originator:" + (session.originator().isEmpty() ? "external" : session.originator());
    }
    return "user:" + session.user();
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
    lastActive.remove(ref);
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

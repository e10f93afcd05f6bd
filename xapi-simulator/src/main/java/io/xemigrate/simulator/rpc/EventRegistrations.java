package io.xemigrate.simulator.rpc;

import com.google.common.collect.ImmutableList;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions registered for {@code event.next} (xapi's {@code Next} module in {@code
 * ocaml/xapi/xapi_event.ml}): per session, the subscribed classes and the generation up to which
 * its events were handed out. Thread-safe.
 */
public final class EventRegistrations {
  /** One session's registration. */
  public record Registration(ImmutableList<String> classes, long seen) {}

  private final Map<String, Registration> bySession = new ConcurrentHashMap<>();

  /** The session's registration, created empty (seen = {@code generation}) if it has none. */
  public Registration getOrCreate(String session, long generation) {
    return bySession.computeIfAbsent(
        session, s -> new Registration(ImmutableList.of(), generation));
  }

  public Optional<Registration> find(String session) {
    return Optional.ofNullable(bySession.get(session));
  }

  public void put(String session, Registration registration) {
    bySession.put(session, registration);
  }

  public void forget(String session) {
    bySession.remove(session);
  }
}

package io.xemigrate.simulator.api;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.VirtualClock;
import io.xemigrate.simulator.VirtualWaits;
import io.xemigrate.simulator.rpc.Args;
import io.xemigrate.simulator.rpc.CallContext;
import io.xemigrate.simulator.rpc.EventRegistrations;
import io.xemigrate.simulator.rpc.EventRegistrations.Registration;
import io.xemigrate.simulator.rpc.MethodRegistry;
import io.xemigrate.simulator.rpc.MethodSpec;
import io.xemigrate.simulator.rpc.Role;
import io.xemigrate.simulator.store.EventBatch;
import io.xemigrate.simulator.store.ObjectStore;
import io.xemigrate.simulator.store.Subscription;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * The rest of xapi's event API besides {@code event.from} (xapi's {@code ocaml/xapi/xapi_event.ml}
 * and the {@code Event} module of {@code ocaml/idl/datamodel.ml}): {@code event.register} and
 * {@code event.unregister} (classes, {@code *} for all, or {@code class/ref}), {@code event.next}
 * (blocks until an event of a registered class; {@code SESSION_NOT_REGISTERED} before {@code
 * register}), {@code event.get_current_id} (the id of the next event) and {@code event.inject} (a
 * {@code mod} event on one object; returns the token just before it, so {@code event.from} from
 * that token reports it). {@code event.next} events are coalesced per object, as xapi's queue may
 * be; the store keeps every change, so {@code EVENTS_LOST} never happens here.
 */
public final class LegacyEventMethods {
  /** {@code event.next} blocks until there is an event; xapi has no timeout. */
  private static final Duration NEXT_WAIT = Duration.ofHours(24);

  private LegacyEventMethods() {}

  public static void register(MethodRegistry registry) {
    registry.register(
        MethodSpec.sync("event.register", Role.READ_ONLY, 2, LegacyEventMethods::subscribe));
    registry.register(
        MethodSpec.sync("event.unregister", Role.READ_ONLY, 2, LegacyEventMethods::unsubscribe));
    registry.register(MethodSpec.sync("event.next", Role.READ_ONLY, 1, LegacyEventMethods::next));
    registry.register(
        MethodSpec.sync(
            "event.get_current_id",
            Role.READ_ONLY,
            1,
            (context, args) -> Long.toString(context.store().generation() + 1)));
    registry.register(
        MethodSpec.sync("event.inject", Role.READ_ONLY, 3, LegacyEventMethods::inject));
  }

  private static Object subscribe(CallContext context, Args args) {
    ImmutableList<String> classes = parsed(args.strings(1));
    EventRegistrations registrations = context.pool().eventRegistrations();
    String session = context.requireSession().ref();
    synchronized (registrations) {
      Registration current = registrations.getOrCreate(session, context.store().generation());
      registrations.put(
          session,
          new Registration(
              ImmutableList.<String>builder().addAll(classes).addAll(current.classes()).build(),
              current.seen()));
    }
    return "";
  }

  private static Object unsubscribe(CallContext context, Args args) {
    ImmutableList<String> classes = parsed(args.strings(1));
    EventRegistrations registrations = context.pool().eventRegistrations();
    String session = context.requireSession().ref();
    synchronized (registrations) {
      Registration current = registrations.getOrCreate(session, context.store().generation());
      registrations.put(
          session,
          new Registration(
              current.classes().stream()
                  .filter(c -> !classes.contains(c))
                  .collect(ImmutableList.toImmutableList()),
              current.seen()));
    }
    return "";
  }

  /** Checks every entry parses ({@code EVENT_SUBSCRIPTION_PARSE_FAILURE} otherwise). */
  private static ImmutableList<String> parsed(List<String> classes) {
    classes.forEach(Subscription::parse);
    return ImmutableList.copyOf(classes);
  }

  private static Object next(CallContext context, Args args) {
    String session = context.requireSession().ref();
    EventRegistrations registrations = context.pool().eventRegistrations();
    if (registrations.find(session).isEmpty()) {
      throw XapiException.of("SESSION_NOT_REGISTERED", trackId(session));
    }
    ObjectStore store = context.store();
    VirtualClock clock = store.clock();
    long deadline = clock.nanos() + NEXT_WAIT.toNanos();
    try {
      while (true) {
        if (!context.pool().sessions().isLive(session)) {
          registrations.forget(session);
          throw XapiException.of("SESSION_INVALID", session);
        }
        Registration registration = registrations.find(session).orElseThrow();
        List<Subscription> subscriptions =
            registration.classes().stream()
                .map(Subscription::parse)
                .collect(ImmutableList.toImmutableList());
        EventBatch batch =
            subscriptions.isEmpty()
                ? new EventBatch(ImmutableList.of(), ImmutableMap.of(), store.generation())
                : store.eventsSince(subscriptions, registration.seen());
        registrations.put(session, new Registration(registration.classes(), batch.generation()));
        if (!batch.events().isEmpty()) {
          return EventMethods.wireEvents(batch, store);
        }
        long remaining = deadline - clock.nanos();
        if (remaining <= 0) {
          return ImmutableList.of();
        }
        store.awaitGenerationAfter(
            batch.generation(), VirtualWaits.untilDeadline(clock, Duration.ofNanos(remaining)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw XapiException.of("INTERNAL_ERROR", "event.next interrupted");
    }
  }

  private static Object inject(CallContext context, Args args) {
    String className = args.string(1);
    String ref = args.string(2);
    ObjectStore store = context.store();
    XapiClass cls =
        XapiClass.byName(className)
            .filter(c -> store.find(c, ref).isPresent())
            .orElseThrow(() -> XapiException.of("HANDLE_INVALID", className, ref));
    long generation =
        store.transact(
            () -> {
              store.update(cls, ref, ImmutableMap.of());
              return store.generation();
            });
    return EventMethods.token(generation - 1, 0);
  }

  /**
   * xapi names a session in this error by {@code trackid=} and the MD5 of its reference (xapi's
   * {@code context.ml}), never by the reference itself.
   */
  private static String trackId(String session) {
    try {
      byte[] digest =
          MessageDigest.getInstance("MD5").digest(session.getBytes(StandardCharsets.UTF_8));
      return "trackid=" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

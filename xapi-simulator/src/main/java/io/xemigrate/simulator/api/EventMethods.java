package io.xemigrate.simulator.api;

import com.google.common.collect.ImmutableList;
import io.xemigrate.simulator.VirtualClock;
import io.xemigrate.simulator.VirtualWaits;
import io.xemigrate.simulator.rpc.Args;
import io.xemigrate.simulator.rpc.CallContext;
import io.xemigrate.simulator.rpc.MethodRegistry;
import io.xemigrate.simulator.rpc.MethodSpec;
import io.xemigrate.simulator.rpc.Role;
import io.xemigrate.simulator.store.Event;
import io.xemigrate.simulator.store.EventBatch;
import io.xemigrate.simulator.store.ObjectStore;
import io.xemigrate.simulator.store.Subscription;
import io.xemigrate.simulator.store.XapiClass;
import io.xemigrate.simulator.store.XapiException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code event.from} (xapi's {@code ocaml/xapi/xapi_event.ml}; the older calls are in {@link
 * LegacyEventMethods}). The token is {@code "%020d,%020d"}: the store generation twice (the
 * simulator keeps messages in the same generation, so both halves move together). The timeout is in
 * <b>virtual</b> seconds: with a running clock the call waits {@code timeout / speed} of real time;
 * with a manual clock it returns once a test moves the clock past the deadline (polled every {@link
 * VirtualWaits#MANUAL_POLL}), or at once when something changes. xapi's 50 ms batching delay is
 * applied in virtual time too (none for task-only subscriptions).
 */
public final class EventMethods {
  private static final Pattern TOKEN = Pattern.compile("(\\d{1,20}),(\\d{1,20})");
  private static final Duration BATCH_DELAY = Duration.ofMillis(50);

  /** xapi waits 24 h when the timeout is unusable. */
  private static final Duration LONGEST = Duration.ofHours(24);

  private EventMethods() {}

  public static void register(MethodRegistry registry) {
    registry.register(MethodSpec.sync("event.from", Role.READ_ONLY, 4, EventMethods::from));
  }

  private static Object from(CallContext context, Args args) {
    List<Subscription> subscriptions =
        args.strings(1).stream().map(Subscription::parse).collect(ImmutableList.toImmutableList());
    long since = parseToken(args.string(2));
    double seconds = args.real(3);
    Duration timeout =
        Double.isFinite(seconds) && seconds >= 0 && seconds < LONGEST.toSeconds()
            ? Duration.ofNanos((long) (seconds * 1e9))
            : LONGEST;
    ObjectStore store = context.store();
    VirtualClock clock = store.clock();
    long deadline = clock.nanos() + timeout.toNanos();
    boolean tasksOnly =
        !subscriptions.isEmpty()
            && subscriptions.stream()
                .allMatch(s -> s.cls().filter(c -> c == XapiClass.TASK).isPresent());
    try {
      if (!tasksOnly) {
        VirtualWaits.pause(clock, BATCH_DELAY);
      }
      while (true) {
        String sessionRef = context.requireSession().ref();
        if (!context.pool().sessions().isLive(sessionRef)) {
          throw XapiException.of("SESSION_INVALID", sessionRef);
        }
        EventBatch batch = store.eventsSince(subscriptions, since);
        long remaining = deadline - clock.nanos();
        if (!batch.events().isEmpty() || remaining <= 0) {
          return result(batch, store);
        }
        store.awaitGenerationAfter(
            batch.generation(), VirtualWaits.untilDeadline(clock, Duration.ofNanos(remaining)));
        if (!tasksOnly) {
          VirtualWaits.pause(clock, BATCH_DELAY);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw XapiException.of("INTERNAL_ERROR", "event.from interrupted");
    }
  }

  /** {@code ""} is "from the beginning"; anything else must be xapi's two-number form. */
  static long parseToken(String token) {
    if (token.isEmpty()) {
      return -1;
    }
    var matcher = TOKEN.matcher(token);
    if (!matcher.matches()) {
      throw XapiException.of("EVENT_FROM_TOKEN_PARSE_FAILURE", token);
    }
    try {
      return Long.parseLong(matcher.group(1));
    } catch (NumberFormatException e) {
      throw XapiException.of("EVENT_FROM_TOKEN_PARSE_FAILURE", token);
    }
  }

  static String token(long generation) {
    return token(generation, generation);
  }

  /** xapi's token: two zero-padded numbers, so tokens compare as strings. */
  static String token(long database, long messages) {
    return String.format(Locale.ROOT, "%020d,%020d", database, messages);
  }

  private static Map<String, Object> result(EventBatch batch, ObjectStore store) {
    Map<String, Object> counts = new LinkedHashMap<>();
    // Int32 on the wire (<i4>), unlike every other int: xapi's event_types.ml.
    batch.validRefCounts().forEach((cls, count) -> counts.put(cls.eventName(), count));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("events", wireEvents(batch, store));
    result.put("valid_ref_counts", counts);
    result.put("token", token(batch.generation()));
    return result;
  }

  /** The batch's events as event records ({@code event.from}'s and {@code event.next}'s). */
  static ImmutableList<Object> wireEvents(EventBatch batch, ObjectStore store) {
    String timestamp = String.format(Locale.ROOT, "%.6f", store.now().toEpochMilli() / 1000.0);
    ImmutableList.Builder<Object> events = ImmutableList.builder();
    for (Event event : batch.events()) {
      Map<String, Object> wire = new LinkedHashMap<>();
      wire.put("id", Long.toString(event.id()));
      wire.put("timestamp", timestamp);
      wire.put("class", event.cls().eventName());
      wire.put("operation", event.operation().wire());
      wire.put("ref", event.ref());
      event.snapshot().ifPresent(s -> wire.put("snapshot", s.fields()));
      events.add(wire);
    }
    return events.build();
  }
}

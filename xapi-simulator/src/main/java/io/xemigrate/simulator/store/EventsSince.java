package io.xemigrate.simulator.store;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What {@code event.from} reports: the changes of an {@link ObjectStore} after a generation. */
final class EventsSince {
  private EventsSince() {}

  /**
   * Changes after generation {@code since}, coalesced; {@code since < 0} reports every existing
   * object as {@code add}. Order as xapi's: messages, then adds, then mods, then dels. The caller
   * holds the store's lock.
   */
  static EventBatch collect(
      Map<XapiClass, LinkedHashMap<String, ObjectStore.Row>> tables,
      List<ObjectStore.Tombstone> tombstones,
      List<Subscription> subscriptions,
      long since,
      long generation) {
    List<Event> messages = new ArrayList<>();
    List<Event> adds = new ArrayList<>();
    List<Event> mods = new ArrayList<>();
    List<Event> dels = new ArrayList<>();
    ImmutableMap.Builder<XapiClass, Integer> counts = ImmutableMap.builder();
    for (Map.Entry<XapiClass, LinkedHashMap<String, ObjectStore.Row>> table : tables.entrySet()) {
      XapiClass cls = table.getKey();
      counts.put(cls, table.getValue().size());
      if (subscriptions.stream().noneMatch(s -> s.cls().map(c -> c == cls).orElse(true))) {
        continue;
      }
      for (ObjectStore.Row row : table.getValue().values()) {
        if (row.modified <= since || !matches(subscriptions, cls, row.record.ref())) {
          continue;
        }
        boolean added = row.created > since;
        Event event =
            new Event(
                row.modified,
                cls,
                added ? Event.Operation.ADD : Event.Operation.MOD,
                row.record.ref(),
                Optional.of(row.record));
        (cls == XapiClass.MESSAGE ? messages : added ? adds : mods).add(event);
      }
    }
    for (ObjectStore.Tombstone tombstone : tombstones) {
      if (tombstone.deleted() > since
          && tombstone.created() <= since
          && matches(subscriptions, tombstone.cls(), tombstone.ref())) {
        dels.add(
            new Event(
                tombstone.deleted(),
                tombstone.cls(),
                Event.Operation.DEL,
                tombstone.ref(),
                Optional.empty()));
      }
    }
    ImmutableList<Event> events =
        ImmutableList.<Event>builder()
            .addAll(messages)
            .addAll(adds)
            .addAll(mods)
            .addAll(dels)
            .build();
    return new EventBatch(events, counts.buildOrThrow(), generation);
  }

  private static boolean matches(List<Subscription> subscriptions, XapiClass cls, String ref) {
    for (Subscription subscription : subscriptions) {
      if (subscription.matches(cls, ref)) {
        return true;
      }
    }
    return false;
  }
}

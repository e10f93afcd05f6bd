package io.xemigrate.xapi.internal;

import com.xensource.xenapi.Event;
import com.xensource.xenapi.EventBatch;
import io.xemigrate.xapi.InventoryTracker;
import io.xemigrate.xapi.model.PoolInventory;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;

/**
 * Applies {@code event.from} deltas (coalesced: each event carries the object's current record) to
 * the pool's records and assembles a new immutable snapshot when something changed.
 */
final class EventInventoryTracker implements InventoryTracker {
  private final SdkConnection connection;
  private final PoolRecords records;
  private final Clock clock;
  private final Map<String, String> uuidByRef;
  private PoolInventory current;
  private String token;
  private long applied;

  EventInventoryTracker(
      SdkConnection connection, PoolRecords records, PoolInventory start, Clock clock) {
    this.connection = connection;
    this.records = records;
    this.current = start;
    this.token = start.eventToken();
    this.clock = clock;
    this.uuidByRef = records.uuidIndex();
  }

  @Override
  public PoolInventory current() {
    return current;
  }

  @Override
  public long eventsApplied() {
    return applied;
  }

  @Override
  public PoolInventory next(Duration wait) {
    SdkConnection.EXTRA_WAIT.set(wait);
    EventBatch batch;
    try {
      batch =
          SdkCall.run(
              "event.from",
              () ->
                  Event.from(
                      connection,
                      new LinkedHashSet<>(PoolRecords.CLASSES),
                      token,
                      (double) wait.toSeconds()));
    } finally {
      SdkConnection.EXTRA_WAIT.remove();
    }
    InventoryChanges changes = new InventoryChanges();
    for (Event.Record event : batch.events) {
      String eventClass = event.clazz == null ? "" : event.clazz.toLowerCase(Locale.ROOT);
      String operation = event.operation == null ? "mod" : event.operation.toString();
      String uuidBefore = records.uuid(eventClass, event.ref);
      if (!records.apply(eventClass, operation, event.ref, event.snapshot)) {
        continue;
      }
      applied++;
      String uuidAfter = records.uuid(eventClass, event.ref);
      if (uuidAfter == null) {
        uuidByRef.remove(event.ref);
        if (uuidBefore != null) {
          changes.deleted(eventClass, uuidBefore);
        }
        changes.changed(eventClass, event.ref); // for classes without UUID index (metrics)
      } else {
        uuidByRef.put(event.ref, uuidAfter);
        changes.changed(eventClass, event.ref);
      }
    }
    token = batch.token;
    if (!changes.isEmpty()) {
      current =
          new InventoryAssembler(records, uuidByRef)
              .update(current, changes, token, clock.instant());
    }
    return current;
  }
}

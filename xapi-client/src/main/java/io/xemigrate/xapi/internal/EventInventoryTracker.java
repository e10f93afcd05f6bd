package io.xemigrate.xapi.internal;

import com.xensource.xenapi.Event;
import com.xensource.xenapi.EventBatch;
import io.xemigrate.xapi.InventoryTracker;
import io.xemigrate.xapi.model.PoolInventory;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;

/**
 * Applies {@code event.from} deltas (coalesced: each event carries the object's current record) to
 * the pool's records and assembles a new immutable snapshot when something changed.
 */
final class EventInventoryTracker implements InventoryTracker {
  private final SdkConnection connection;
  private final PoolRecords records;
  private final Clock clock;
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
    boolean changed = false;
    for (Event.Record event : batch.events) {
      String operation = event.operation == null ? "mod" : event.operation.toString();
      if (records.apply(event.clazz, operation, event.ref, event.snapshot)) {
        changed = true;
        applied++;
      }
    }
    token = batch.token;
    if (changed) {
      current = InventoryAssembler.assemble(records, token, clock.instant());
    }
    return current;
  }
}

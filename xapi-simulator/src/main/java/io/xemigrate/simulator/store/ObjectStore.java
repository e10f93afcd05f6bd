package io.xemigrate.simulator.store;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.xemigrate.simulator.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One pool's database: every object of every {@link XapiClass}, with a generation counter that
 * drives {@code event.from}.
 *
 * <p><b>Concurrency.</b> One {@link ReentrantLock} guards all state. Every public method takes it,
 * so single calls are atomic; {@link #transact} holds it across several calls for changes that must
 * appear together. Readers get immutable {@link XapiRecord} snapshots and may keep them without the
 * lock. Never block (sleep, wait on a task, call another pool's store) inside {@link #transact}.
 *
 * <p><b>Events.</b> Every create, change and destroy bumps the generation and stamps the object, so
 * {@link #eventsSince} can coalesce: one event per object, carrying its current record. Destroyed
 * objects leave a tombstone for {@code del} events. Waiters are woken through {@link
 * #awaitGenerationAfter}.
 *
 * <p><b>Derived fields.</b> A {@link Deriver} registered for a class recomputes fields (such as
 * {@code VM.allowed_operations}) after every change of an object of that class. Two-sided links
 * ({@code VBD.VM} and {@code VM.VBDs}) are kept by the store (see {@link Relations}).
 */
public final class ObjectStore {
  /** Recomputes derived fields of one object; returns only the fields to change. */
  @FunctionalInterface
  public interface Deriver {
    Map<String, Object> derive(XapiRecord record, ObjectStore store);
  }

  static final class Row {
    XapiRecord record;
    final long created;
    long modified;

    Row(XapiRecord record, long created) {
      this.record = record;
      this.created = created;
      this.modified = created;
    }
  }

  record Tombstone(XapiClass cls, String ref, long created, long deleted) {}

  private final ReentrantLock lock = new ReentrantLock();
  private final GenerationWaits waits = new GenerationWaits(lock, this::generationHeld);
  private final Map<XapiClass, LinkedHashMap<String, Row>> tables = new EnumMap<>(XapiClass.class);
  private final Map<XapiClass, HashMap<String, String>> refByUuid = new EnumMap<>(XapiClass.class);
  private final List<Tombstone> tombstones = new ArrayList<>();
  private final Map<XapiClass, List<Deriver>> derivers = new EnumMap<>(XapiClass.class);
  private final VirtualClock clock;
  private final Instant epoch;
  private final Schema schema = Schema.get();
  private long generation;
  private int deriving;

  /**
   * @param clock the simulator's clock
   * @param epoch the wall-clock instant that virtual time zero stands for
   */
  public ObjectStore(VirtualClock clock, Instant epoch) {
    this.clock = clock;
    this.epoch = epoch;
    for (XapiClass cls : XapiClass.values()) {
      tables.put(cls, new LinkedHashMap<>());
      refByUuid.put(cls, new HashMap<>());
    }
  }

  public VirtualClock clock() {
    return clock;
  }

  /** The simulated wall-clock time, for datetime fields. */
  public Instant now() {
    return epoch.plusNanos(clock.nanos());
  }

  /** Adds a deriver for {@code cls}; it runs after every change of an object of that class. */
  public void addDeriver(XapiClass cls, Deriver deriver) {
    lock.lock();
    try {
      derivers.computeIfAbsent(cls, c -> new ArrayList<>()).add(deriver);
    } finally {
      lock.unlock();
    }
  }

  /** Runs {@code body} holding the store's lock, so its changes are seen together. */
  public <T> T transact(Supplier<T> body) {
    lock.lock();
    try {
      return body.get();
    } finally {
      lock.unlock();
    }
  }

  /** Runs {@code body} holding the store's lock. */
  public void transact(Runnable body) {
    lock.lock();
    try {
      body.run();
    } finally {
      lock.unlock();
    }
  }

  /** Creates an object with a fresh ref; fields not given take the schema's defaults. */
  public String create(XapiClass cls, Map<String, ?> fields) {
    return createWithRef(cls, Refs.fresh(), fields);
  }

  /** Creates an object with the given ref (used by cross-pool moves and scenario loading). */
  public String createWithRef(XapiClass cls, String ref, Map<String, ?> fields) {
    lock.lock();
    try {
      if (tables.get(cls).containsKey(ref)) {
        throw new IllegalStateException(cls.wireName() + " " + ref + " already exists");
      }
      LinkedHashMap<String, Object> values = new LinkedHashMap<>(schema.defaults(cls));
      fields.forEach((name, value) -> values.put(name, normalize(cls, name, value)));
      String uuid = (String) values.get("uuid");
      if (uuid.isEmpty() || refByUuid.get(cls).containsKey(uuid)) {
        throw new IllegalArgumentException(
            cls.wireName() + " needs a new uuid, got '" + uuid + "'");
      }
      long gen = ++generation;
      Row row = new Row(new XapiRecord(cls, ref, ImmutableMap.copyOf(values)), gen);
      tables.get(cls).put(ref, row);
      refByUuid.get(cls).put(uuid, ref);
      for (Relations.Link link : Relations.LINKS) {
        if (link.child() == cls) {
          addToParent(link, (String) values.get(link.childField()), ref, true);
        }
      }
      derive(row);
      waits.changed();
      return ref;
    } finally {
      lock.unlock();
    }
  }

  /** Changes one field. */
  public void set(XapiClass cls, String ref, String field, Object value) {
    update(cls, ref, ImmutableMap.of(field, value));
  }

  /** Changes several fields of one object at once; one event. */
  public void update(XapiClass cls, String ref, Map<String, ?> changes) {
    lock.lock();
    try {
      Row row = row(cls, ref);
      Map<String, Object> before = row.record.fields();
      LinkedHashMap<String, Object> values = new LinkedHashMap<>(before);
      changes.forEach((name, value) -> values.put(name, normalize(cls, name, value)));
      if (!values.get("uuid").equals(before.get("uuid"))) {
        throw new IllegalArgumentException("the uuid of an object never changes");
      }
      row.record = new XapiRecord(cls, ref, ImmutableMap.copyOf(values));
      row.modified = ++generation;
      for (Relations.Link link : Relations.LINKS) {
        if (link.child() == cls && changes.containsKey(link.childField())) {
          removeFromParent(link, (String) before.get(link.childField()), ref);
          addToParent(link, (String) values.get(link.childField()), ref, false);
        }
      }
      derive(row);
      waits.changed();
    } finally {
      lock.unlock();
    }
  }

  /** Destroys an object; it leaves a tombstone so {@code event.from} reports {@code del}. */
  public void destroy(XapiClass cls, String ref) {
    lock.lock();
    try {
      Row row = row(cls, ref);
      tables.get(cls).remove(ref);
      refByUuid.get(cls).remove(row.record.uuid());
      tombstones.add(new Tombstone(cls, ref, row.created, ++generation));
      for (Relations.Link link : Relations.LINKS) {
        if (link.child() == cls) {
          removeFromParent(link, (String) row.record.fields().get(link.childField()), ref);
        }
      }
      waits.changed();
    } finally {
      lock.unlock();
    }
  }

  /** Recomputes the derived fields of one object, after a change elsewhere that they depend on. */
  public void refresh(XapiClass cls, String ref) {
    lock.lock();
    try {
      Row row = tables.get(cls).get(ref);
      if (row != null) {
        derive(row);
      }
    } finally {
      lock.unlock();
    }
  }

  public Optional<XapiRecord> find(XapiClass cls, String ref) {
    lock.lock();
    try {
      Row row = tables.get(cls).get(ref);
      return row == null ? Optional.empty() : Optional.of(row.record);
    } finally {
      lock.unlock();
    }
  }

  /** The object, or {@code HANDLE_INVALID [class; ref]}. */
  public XapiRecord get(XapiClass cls, String ref) {
    return find(cls, ref).orElseThrow(() -> XapiException.handleInvalid(cls, ref));
  }

  public Optional<XapiRecord> findByUuid(XapiClass cls, String uuid) {
    lock.lock();
    try {
      String ref = refByUuid.get(cls).get(uuid);
      return ref == null ? Optional.empty() : Optional.of(tables.get(cls).get(ref).record);
    } finally {
      lock.unlock();
    }
  }

  /** Every object of {@code cls}, in creation order. */
  public ImmutableList<XapiRecord> all(XapiClass cls) {
    lock.lock();
    try {
      ImmutableList.Builder<XapiRecord> builder = ImmutableList.builder();
      tables.get(cls).values().forEach(row -> builder.add(row.record));
      return builder.build();
    } finally {
      lock.unlock();
    }
  }

  public ImmutableList<XapiRecord> where(XapiClass cls, Predicate<XapiRecord> filter) {
    return all(cls).stream().filter(filter).collect(ImmutableList.toImmutableList());
  }

  public int count(XapiClass cls) {
    lock.lock();
    try {
      return tables.get(cls).size();
    } finally {
      lock.unlock();
    }
  }

  /** The generation, read by a caller that holds the lock. */
  private long generationHeld() {
    return generation;
  }

  /** The generation of the last change; 0 before any. */
  public long generation() {
    lock.lock();
    try {
      return generation;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Changes after generation {@code since}, coalesced; {@code since < 0} reports every existing
   * object as {@code add}. Order as xapi's: messages, then adds, then mods, then dels.
   */
  public EventBatch eventsSince(List<Subscription> subscriptions, long since) {
    lock.lock();
    try {
      return EventsSince.collect(tables, tombstones, subscriptions, since, generation);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Blocks until the generation passes {@code since} or {@code realTimeout} of real time passes.
   * Returns whether it passed. Callers turn virtual timeouts into real ones (see EventMethods).
   */
  public boolean awaitGenerationAfter(long since, Duration realTimeout)
      throws InterruptedException {
    return waits.awaitGenerationAfter(since, realTimeout);
  }

  /**
   * Blocks until at least {@code count} callers wait in {@link #awaitGenerationAfter}, or {@code
   * realTimeout} passes; returns how many wait.
   */
  public int awaitWaiters(int count, Duration realTimeout) throws InterruptedException {
    return waits.awaitWaiters(count, realTimeout);
  }

  /** Wakes every waiter, for example when a session they wait under has gone. */
  public void wakeWaiters() {
    waits.wakeAll();
  }

  private Row row(XapiClass cls, String ref) {
    Row row = tables.get(cls).get(ref);
    if (row == null) {
      throw XapiException.handleInvalid(cls, ref);
    }
    return row;
  }

  private Object normalize(XapiClass cls, String name, Object value) {
    Schema.Field field = schema.fields(cls).get(name);
    if (field == null) {
      throw new IllegalArgumentException(cls.wireName() + " has no field " + name);
    }
    return Values.normalize(cls, name, field.kind(), value);
  }

  private void derive(Row row) {
    List<Deriver> list = derivers.get(row.record.cls());
    // A deriver's own update runs the derivers again; one level is enough and avoids loops.
    if (list == null || deriving > 0) {
      return;
    }
    deriving++;
    try {
      for (Deriver deriver : list) {
        Map<String, Object> changes = deriver.derive(row.record, this);
        boolean differs =
            changes.entrySet().stream()
                .anyMatch(e -> !e.getValue().equals(row.record.fields().get(e.getKey())));
        if (differs) {
          update(row.record.cls(), row.record.ref(), changes);
        }
      }
    } finally {
      deriving--;
    }
  }

  /** {@code fresh}: the child was just created, so it cannot be listed yet (skips a scan). */
  private void addToParent(Relations.Link link, String parentRef, String childRef, boolean fresh) {
    Row parent = Refs.isNull(parentRef) ? null : tables.get(link.parent()).get(parentRef);
    if (parent == null) {
      return;
    }
    ImmutableList<Object> members = parent.record.list(link.parentField());
    if (fresh || !members.contains(childRef)) {
      ImmutableList<Object> grown =
          ImmutableList.builderWithExpectedSize(members.size() + 1)
              .addAll(members)
              .add(childRef)
              .build();
      update(link.parent(), parentRef, ImmutableMap.of(link.parentField(), grown));
    }
  }

  private void removeFromParent(Relations.Link link, String parentRef, String childRef) {
    Row parent = Refs.isNull(parentRef) ? null : tables.get(link.parent()).get(parentRef);
    if (parent == null) {
      return;
    }
    List<Object> members = new ArrayList<>(parent.record.list(link.parentField()));
    if (members.remove(childRef)) {
      update(link.parent(), parentRef, ImmutableMap.of(link.parentField(), members));
    }
  }
}

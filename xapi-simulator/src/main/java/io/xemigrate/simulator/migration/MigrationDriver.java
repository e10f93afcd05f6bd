package io.xemigrate.simulator.migration;

import io.xemigrate.simulator.VirtualClock;
import io.xemigrate.simulator.physics.MigrationProgress;
import io.xemigrate.simulator.physics.MigrationSpec;
import io.xemigrate.simulator.physics.MigrationTruth;
import io.xemigrate.simulator.physics.PhysicsEngine;
import io.xemigrate.simulator.physics.PhysicsEvent;
import io.xemigrate.simulator.physics.PrecopyPolicy;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;

/**
 * Runs the physics engine against the simulator's clock. One daemon thread advances the engine to
 * the clock's time and wakes workers waiting on their migration; workers never sleep on the wall
 * clock for a simulated duration. With a running clock the thread sleeps until the next physics
 * event (scaled by the speed); with a manual clock it polls, so a test that steps the clock sees
 * the effects within milliseconds.
 */
final class MigrationDriver implements AutoCloseable {
  private static final long POLL_MILLIS = 2;
  private static final long IDLE_MILLIS = 50;

  private final VirtualClock clock;
  private final PhysicsEngine engine;
  private final Map<String, Deque<PhysicsEvent>> queues = new HashMap<>();
  private final Map<String, Double> baseCapacities = new HashMap<>();
  private final Thread thread;
  private volatile boolean closed;

  MigrationDriver(VirtualClock clock, PrecopyPolicy policy) {
    this.clock = clock;
    this.engine = new PhysicsEngine(policy, Map.of());
    this.thread = new Thread(this::loop, "simulator-physics");
    thread.setDaemon(true);
    thread.start();
  }

  VirtualClock clock() {
    return clock;
  }

  /** Xen's stop rules the engine runs with. */
  PrecopyPolicy policy() {
    return engine.policy();
  }

  synchronized void start(MigrationSpec spec, Map<String, Double> capacities) {
    long now = clock.nanos();
    capacities.forEach(
        (resource, value) -> {
          if (baseCapacities.putIfAbsent(resource, value) == null) {
            engine.setCapacity(resource, value, now);
          }
        });
    queues.put(spec.id(), new ArrayDeque<>());
    engine.start(spec, now);
    pump();
  }

  /** Multiplies a resource's capacity (a slow NIC) from now on; 1.0 restores it. */
  synchronized void scaleCapacity(String resource, double factor, double defaultValue) {
    double base = baseCapacities.computeIfAbsent(resource, r -> defaultValue);
    engine.setCapacity(resource, base * factor, clock.nanos());
    pump();
  }

  synchronized Optional<MigrationProgress> progress(String id) {
    return engine.progress(id);
  }

  synchronized Optional<MigrationTruth> truth(String id) {
    return engine.truth(id);
  }

  synchronized List<MigrationTruth> truths() {
    return engine.truths();
  }

  synchronized void abort(String id) {
    engine.abort(id, Math.max(clock.nanos(), engine.nowNanos()));
    queues.remove(id);
    notifyAll();
  }

  /**
   * Waits (briefly, in real time) for the next phase change of migration {@code id}; empty when
   * none came, so the caller can look at cancellation and faults and wait again.
   */
  synchronized Optional<PhysicsEvent> nextEvent(String id) throws InterruptedException {
    Deque<PhysicsEvent> queue = queues.get(id);
    if (queue == null) {
      return Optional.empty();
    }
    if (queue.isEmpty()) {
      wait(20);
    }
    return Optional.ofNullable(queue.pollFirst());
  }

  /** Sleeps {@code nanos} of virtual time, giving up early when {@code stop} turns true. */
  void sleepVirtual(long nanos, BooleanSupplier stop) throws InterruptedException {
    long until = clock.nanos() + nanos;
    while (clock.nanos() < until && !stop.getAsBoolean()) {
      synchronized (this) {
        long realMillis =
            clock.speed() > 0 ? (long) ((until - clock.nanos()) / clock.speed() / 1e6) : 0;
        wait(Math.max(1, Math.min(realMillis, 20)));
      }
    }
  }

  private void loop() {
    while (!closed) {
      long waitMillis;
      synchronized (this) {
        pump();
        OptionalLong next = engine.nextEventNanos();
        // Idle: nothing to advance until start() or scaleCapacity(), which pump themselves.
        waitMillis = next.isEmpty() ? IDLE_MILLIS : POLL_MILLIS;
        if (clock.speed() > 0 && next.isPresent()) {
          double realNanos = (next.getAsLong() - clock.nanos()) / clock.speed();
          waitMillis = Math.max(1, Math.min(50, (long) (realNanos / 1e6)));
        }
        try {
          wait(waitMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Advances the engine to the clock and hands each phase change to its migration's queue. */
  private void pump() {
    long now = Math.max(clock.nanos(), engine.nowNanos());
    List<PhysicsEvent> events = engine.advanceTo(now);
    for (PhysicsEvent event : events) {
      Deque<PhysicsEvent> queue = queues.get(event.migrationId());
      if (queue != null) {
        queue.addLast(event);
      }
    }
    if (!events.isEmpty()) {
      notifyAll();
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
  }
}

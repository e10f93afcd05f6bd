package io.xemigrate.simulator.physics;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An event-driven simulation of concurrent migrations over shared capacities (NICs, SRs). Rates are
 * recomputed (max-min fair share) only when a stream starts, ends or changes segment, or a capacity
 * changes; between those events every rate is constant, so virtual time can jump straight to {@link
 * #nextEventNanos()}.
 *
 * <p>Not thread-safe: the caller serialises access. Time never moves backwards; a call with an
 * earlier time than the last one is treated as "now".
 */
public final class PhysicsEngine {
  private final PrecopyPolicy policy;
  private final Map<String, Double> capacities;
  private final Map<String, MigrationFlow> flows = new LinkedHashMap<>();
  private final Map<String, MigrationTruth> truths = new LinkedHashMap<>();
  private final List<PhysicsEvent> pending = new ArrayList<>();
  private Map<String, Double> rates = ImmutableMap.of();
  private long now;

  /**
   * @param capacities bytes per second of every shared resource by name; a name absent here is
   *     unlimited
   */
  public PhysicsEngine(PrecopyPolicy policy, Map<String, Double> capacities) {
    this.policy = policy;
    this.capacities = new HashMap<>(capacities);
  }

  public PrecopyPolicy policy() {
    return policy;
  }

  /** The virtual time up to which the simulation has run. */
  public long nowNanos() {
    return now;
  }

  /** Starts a migration at {@code atNanos}; its first phase is reported by the next advance. */
  public void start(MigrationSpec spec, long atNanos) {
    run(atNanos);
    if (flows.containsKey(spec.id())) {
      throw new IllegalArgumentException("migration " + spec.id() + " is already running");
    }
    MigrationFlow flow = new MigrationFlow(spec, policy, now);
    flows.put(spec.id(), flow);
    pending.add(new PhysicsEvent(spec.id(), flow.phase(), now));
    settle();
  }

  /** Changes one capacity (a slow NIC, a recovered link) from {@code atNanos} on. */
  public void setCapacity(String resource, double bytesPerSecond, long atNanos) {
    run(atNanos);
    capacities.put(resource, bytesPerSecond);
    reallocate();
  }

  /** Stops a running migration (failure or cancellation); returns the phase it was in. */
  public Optional<MigrationPhase> abort(String id, long atNanos) {
    run(atNanos);
    MigrationFlow flow = flows.remove(id);
    if (flow == null) {
      return Optional.empty();
    }
    reallocate();
    return Optional.of(flow.phase());
  }

  /** The next virtual time at which some migration changes segment, if any is running. */
  public OptionalLong nextEventNanos() {
    long soonest = Long.MAX_VALUE;
    for (Map.Entry<String, MigrationFlow> entry : flows.entrySet()) {
      soonest = Math.min(soonest, entry.getValue().nanosToSegmentEnd(rateOf(entry.getKey())));
    }
    return soonest > Long.MAX_VALUE - now ? OptionalLong.empty() : OptionalLong.of(now + soonest);
  }

  /**
   * Runs the simulation up to {@code targetNanos} and returns every phase change since the last
   * call, in time order.
   */
  public List<PhysicsEvent> advanceTo(long targetNanos) {
    run(targetNanos);
    List<PhysicsEvent> events = ImmutableList.copyOf(pending);
    pending.clear();
    return events;
  }

  private void run(long targetNanos) {
    while (now < targetNanos) {
      OptionalLong next = nextEventNanos();
      long stepEnd = next.isPresent() ? Math.min(next.getAsLong(), targetNanos) : targetNanos;
      long step = stepEnd - now;
      for (Map.Entry<String, MigrationFlow> entry : flows.entrySet()) {
        entry.getValue().advance(step, rateOf(entry.getKey()));
      }
      now = stepEnd;
      settle();
    }
  }

  /** Progress of a running migration; empty once it finished or was aborted. */
  public Optional<MigrationProgress> progress(String id) {
    return Optional.ofNullable(flows.get(id)).map(MigrationFlow::progress);
  }

  /** The granted rate of a running migration's stream in bytes per second (0 while not sending). */
  public double rateOf(String id) {
    return rates.getOrDefault(id, 0.0);
  }

  /** The recorded truth of a finished migration. */
  public Optional<MigrationTruth> truth(String id) {
    return Optional.ofNullable(truths.get(id));
  }

  /** The recorded truth of every finished migration, in finishing order. */
  public ImmutableList<MigrationTruth> truths() {
    return ImmutableList.copyOf(truths.values());
  }

  /** Runs every zero-length segment boundary at the current time, then re-shares capacities. */
  private void settle() {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (MigrationFlow flow : List.copyOf(flows.values())) {
        while (flow.segmentFinished()) {
          changed = true;
          if (flow.finishSegment(now)) {
            pending.add(new PhysicsEvent(flow.spec().id(), flow.phase(), now));
          }
          if (flow.phase() == MigrationPhase.DONE) {
            flows.remove(flow.spec().id());
            truths.put(flow.spec().id(), flow.truth());
          }
        }
      }
    }
    reallocate();
  }

  private void reallocate() {
    Map<String, FairShare.Demand> demands = new LinkedHashMap<>();
    for (Map.Entry<String, MigrationFlow> entry : flows.entrySet()) {
      MigrationFlow flow = entry.getValue();
      if (flow.transferring()) {
        demands.put(
            entry.getKey(),
            new FairShare.Demand(flow.resources(), flow.spec().streamCapBytesPerSecond()));
      }
    }
    rates = FairShare.allocate(demands, capacities);
  }
}

package io.xemigrate.planner.schedule;

import com.google.common.collect.ImmutableList;
import io.xemigrate.planner.predict.MoveDemand;
import io.xemigrate.planner.predict.PrecopyModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs a batch in virtual time: list scheduling over an event-driven simulation of the shared
 * links.
 *
 * <p>At every event (a step of some move ends) the pending moves are scanned in list order and each
 * one that fits the limits starts (later moves may pass a blocked one, except on the links an
 * exclusive move is waiting to have to itself). Between events every transferring move gets its
 * max-min fair share of the NICs (each direction separately) and SRs it crosses, at most its stream
 * cap. A live round's next dirty set is what the VM dirtied during that round, so a move slowed
 * down by sharing resends more and pauses longer.
 */
final class BatchSimulation {
  private final List<MoveDemand> order;
  private final boolean[] exclusive;
  private final ConcurrencyLimits limits;
  private final Topology topology;
  private final PrecopyModel model;
  private final SimulationIndex index;

  private final Admission admission;

  private final ScheduledMove[] results;
  private final int[] slots;
  private final int[] sequences;
  private final List<ImmutableList<String>> predecessors = new ArrayList<>();
  private final List<ActiveMove> active = new ArrayList<>();
  private final List<ActiveMove> endedNow = new ArrayList<>();
  private double now;
  private int sequence;
  private boolean flowsChanged = true;

  private BatchSimulation(
      List<MoveDemand> order,
      boolean[] exclusive,
      ConcurrencyLimits limits,
      Topology topology,
      PrecopyModel model) {
    this.order = order;
    this.exclusive = exclusive;
    this.limits = limits;
    this.topology = topology;
    this.model = model;
    this.index = new SimulationIndex(order, topology);
    this.admission = new Admission(index, limits, exclusive);
    this.results = new ScheduledMove[order.size()];
    this.slots = new int[order.size()];
    this.sequences = new int[order.size()];
    for (int i = 0; i < order.size(); i++) {
      predecessors.add(ImmutableList.of());
    }
  }

  /**
   * Simulates {@code order} and returns the queue in start order.
   *
   * @param exclusive for each move of {@code order}, whether it must get an unshared stream
   */
  static ImmutableList<ScheduledMove> run(
      List<MoveDemand> order,
      boolean[] exclusive,
      ConcurrencyLimits limits,
      Topology topology,
      PrecopyModel model) {
    return new BatchSimulation(order, exclusive, limits, topology, model).simulate();
  }

  private ImmutableList<ScheduledMove> simulate() {
    List<Integer> pending = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      pending.add(i);
    }
    boolean firstScan = true;
    while (!pending.isEmpty() || !active.isEmpty()) {
      endedNow.clear();
      boolean changed = true;
      while (changed) {
        changed = settle();
        // Only an ended move frees a slot or a link: otherwise the scan would find nothing new.
        if (changed || firstScan) {
          changed |= startFitting(pending);
          firstScan = false;
        }
      }
      if (active.isEmpty()) {
        if (!pending.isEmpty()) {
          throw new IllegalStateException("a move can never start under these limits");
        }
        break;
      }
      step();
    }
    return ImmutableList.sortedCopyOf(
        Comparator.comparingInt(ScheduledMove::sequence), List.of(results));
  }

  /** Advances virtual time to the next step end. */
  private void step() {
    if (flowsChanged) {
      assignRates();
      flowsChanged = false;
    }
    double dt = Double.POSITIVE_INFINITY;
    for (ActiveMove move : active) {
      dt = Math.min(dt, move.secondsToStepEnd());
    }
    if (Double.isInfinite(dt)) {
      throw new IllegalStateException("no running move makes progress");
    }
    for (ActiveMove move : active) {
      move.advance(dt);
    }
    now += dt;
  }

  /** Moves every running move past the steps that ended; true when any move ended. */
  private boolean settle() {
    boolean anyEnded = false;
    for (int a = 0; a < active.size(); a++) {
      ActiveMove move = active.get(a);
      boolean ended = false;
      while (!ended && move.stepDone()) {
        ended =
            switch (move.nextStep(now)) {
              case SAME_FLOW -> false;
              case FLOWS_CHANGED -> {
                flowsChanged = true;
                yield false;
              }
              case FINISHED -> true;
            };
      }
      if (ended) {
        finish(move);
        active.remove(a--);
        anyEnded = true;
      }
    }
    return anyEnded;
  }

  private void finish(ActiveMove move) {
    int i = move.index;
    MoveDemand demand = move.move;
    admission.release(i, slots[i]);
    results[i] =
        new ScheduledMove(
            demand.vmUuid(),
            demand.sourceHostUuid(),
            demand.destinationHostUuid(),
            sequences[i],
            slots[i],
            predecessors.get(i),
            move.startSeconds,
            now - move.startSeconds,
            move.downtime,
            move.liveRoundsDone,
            move.converged,
            exclusive[i],
            move.bytesSent,
            demand.priority());
    endedNow.add(move);
    flowsChanged = true;
  }

  /** Starts, in list order, every pending move that fits; true when any started. */
  private boolean startFitting(List<Integer> pending) {
    boolean[] reservedLeaving = new boolean[index.hostCount()];
    boolean[] reservedEntering = new boolean[index.hostCount()];
    boolean any = false;
    for (int p = 0; p < pending.size(); p++) {
      int i = pending.get(p);
      int source = index.source(i);
      int destination = index.destination(i);
      if (reservedLeaving[source] || reservedEntering[destination] || !admission.withinLimits(i)) {
        continue;
      }
      if (!admission.sharingAllows(i)) {
        if (exclusive[i]) {
          // Hold the links for it: otherwise shorter moves keep them busy and it waits forever.
          reservedLeaving[source] = true;
          reservedEntering[destination] = true;
        }
        continue;
      }
      start(i);
      pending.remove(p--);
      any = true;
    }
    return any;
  }

  private void start(int i) {
    slots[i] = admission.take(i);
    sequences[i] = sequence++;
    predecessors.set(i, predecessorsOf(i));
    active.add(
        new ActiveMove(i, order.get(i), now, model, topology.storage().setupSecondsPerDisk()));
    flowsChanged = true;
  }

  /** The moves that ended at this instant and share a limited resource with {@code i}. */
  private ImmutableList<String> predecessorsOf(int i) {
    List<String> predecessors = new ArrayList<>();
    for (ActiveMove ended : endedNow) {
      if (index.related(i, ended.index, limits)) {
        predecessors.add(ended.move.vmUuid());
      }
    }
    return ImmutableList.sortedCopyOf(Comparator.naturalOrder(), predecessors);
  }

  /** Shares the links among the moves that transfer right now. */
  private void assignRates() {
    List<ActiveMove> flows = new ArrayList<>();
    for (ActiveMove move : active) {
      move.rate = 0;
      if (move.phase.transfers()) {
        flows.add(move);
      }
    }
    int[][] resources = new int[flows.size()][];
    double[] caps = new double[flows.size()];
    for (int f = 0; f < flows.size(); f++) {
      ActiveMove move = flows.get(f);
      int i = move.index;
      caps[f] = index.streamCap(i);
      if (move.phase == MovePhase.DISK_COPY) {
        resources[f] = index.diskResources(i, move.diskIndex);
      } else {
        resources[f] = index.memoryResources(i);
      }
    }
    double[] rates = FairShare.rates(index.capacities(), resources, caps);
    for (int f = 0; f < flows.size(); f++) {
      flows.get(f).rate = rates[f];
    }
  }
}

package io.xemigrate.planner.schedule;

import com.google.common.collect.ImmutableList;
import io.xemigrate.planner.predict.MoveDemand;
import io.xemigrate.planner.predict.PrecopyModel;
import io.xemigrate.storage.estimate.DiskCopy;
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

  private final int[] sourceCount;
  private final int[] migrateSendCount;
  private final int[] destinationCount;
  private final int[] srCount;
  private final int[] poolCount;
  private final int[] exclusiveLeaving;
  private final int[] exclusiveEntering;
  private final boolean[][] slotBusy;
  private int running;

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
    int hosts = index.hostCount();
    this.sourceCount = new int[hosts];
    this.migrateSendCount = new int[hosts];
    this.destinationCount = new int[hosts];
    this.srCount = new int[index.srCount()];
    this.poolCount = new int[index.poolCount()];
    this.exclusiveLeaving = new int[hosts];
    this.exclusiveEntering = new int[hosts];
    this.slotBusy = new boolean[hosts][];
    for (int h = 0; h < hosts; h++) {
      int cap = sourceLimit(h);
      slotBusy[h] = new boolean[cap == Integer.MAX_VALUE ? order.size() + 1 : cap];
    }
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
    while (!pending.isEmpty() || !active.isEmpty()) {
      endedNow.clear();
      boolean changed = true;
      while (changed) {
        changed = settle();
        changed |= startFitting(pending);
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
      while (move.stepDone()) {
        if (!nextStep(move)) {
          finish(move);
          active.remove(a--);
          anyEnded = true;
          break;
        }
      }
    }
    return anyEnded;
  }

  /** Moves {@code move} to its next step; false when the move is over. */
  private boolean nextStep(ActiveMove move) {
    MoveDemand demand = move.move;
    if (move.phase.transfers()) {
      move.bytesSent += Math.max(0, move.remaining);
      move.remaining = 0;
    }
    return switch (move.phase) {
      case SETUP -> {
        beginDiskOrMemory(move, 0);
        yield true;
      }
      case DISK_SETUP -> {
        move.beginTransfer(MovePhase.DISK_COPY, demand.disks().get(move.diskIndex).bytesToCopy());
        flowsChanged = true;
        yield true;
      }
      case DISK_COPY -> {
        beginDiskOrMemory(move, move.diskIndex + 1);
        yield true;
      }
      case LIVE_ROUND -> {
        move.liveRoundsDone++;
        double next =
            demand.dirty().dirtiedDuring(move.roundElapsed, demand.memoryPopulatedBytes());
        move.roundElapsed = 0;
        if (model.stopsLive(move.liveRoundsDone, next)) {
          move.converged = model.isUnderThreshold(next);
          move.pausedSince = now;
          move.beginTransfer(MovePhase.PAUSED_ROUND, model.wireBytes(next));
        } else {
          move.beginTransfer(MovePhase.LIVE_ROUND, model.wireBytes(next));
        }
        yield true;
      }
      case PAUSED_ROUND -> {
        move.downtime = now - move.pausedSince + model.switchOverSeconds();
        move.beginFixed(MovePhase.SWITCH_OVER, model.switchOverSeconds());
        flowsChanged = true;
        yield true;
      }
      case SWITCH_OVER -> false;
    };
  }

  private void beginDiskOrMemory(ActiveMove move, int diskIndex) {
    flowsChanged = true;
    move.diskIndex = diskIndex;
    if (diskIndex < move.move.disks().size()) {
      move.beginFixed(MovePhase.DISK_SETUP, topology.storage().setupSecondsPerDisk());
    } else {
      move.roundElapsed = 0;
      move.beginTransfer(MovePhase.LIVE_ROUND, model.wireBytes(move.move.memoryPopulatedBytes()));
    }
  }

  private void finish(ActiveMove move) {
    int i = move.index;
    MoveDemand demand = move.move;
    hold(i, -1);
    slotBusy[index.source(i)][slots[i]] = false;
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
      if (reservedLeaving[source] || reservedEntering[destination] || !withinLimits(i)) {
        continue;
      }
      if (!sharingAllows(i)) {
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

  private boolean withinLimits(int i) {
    if (ConcurrencyLimits.isFull(sourceCount[index.source(i)], sourceLimit(index.source(i)))
        || ConcurrencyLimits.isFull(
            destinationCount[index.destination(i)], destinationLimit(index.destination(i)))
        || ConcurrencyLimits.isFull(poolCount[index.pool(i)], limits.perSourcePool())
        || ConcurrencyLimits.isFull(running, limits.total())
        || (index.migrateSend(i)
            && ConcurrencyLimits.isFull(
                migrateSendCount[index.source(i)], limits.migrateSendPerSourceHost()))) {
      return false;
    }
    for (int sr : index.srs(i)) {
      if (ConcurrencyLimits.isFull(srCount[sr], limits.perSr())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether starting {@code i} keeps every exclusive move (and {@code i}, if exclusive) unshared.
   */
  private boolean sharingAllows(int i) {
    int source = index.source(i);
    int destination = index.destination(i);
    boolean leavingProtected = exclusive[i] || exclusiveLeaving[source] > 0;
    boolean enteringProtected = exclusive[i] || exclusiveEntering[destination] > 0;
    if (leavingProtected && sourceCount[source] + 1 > index.unsharedStreams(source)) {
      return false;
    }
    return !(enteringProtected
        && destinationCount[destination] + 1 > index.unsharedStreams(destination));
  }

  private void start(int i) {
    int source = index.source(i);
    int slot = 0;
    while (slotBusy[source][slot]) {
      slot++;
    }
    slotBusy[source][slot] = true;
    slots[i] = slot;
    hold(i, +1);
    sequences[i] = sequence++;
    predecessors.set(i, predecessorsOf(i));
    active.add(new ActiveMove(i, order.get(i), now, model));
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

  /** Takes ({@code +1}) or frees ({@code -1}) every slot move {@code i} holds. */
  private void hold(int i, int delta) {
    sourceCount[index.source(i)] += delta;
    if (index.migrateSend(i)) {
      migrateSendCount[index.source(i)] += delta;
    }
    destinationCount[index.destination(i)] += delta;
    poolCount[index.pool(i)] += delta;
    for (int sr : index.srs(i)) {
      srCount[sr] += delta;
    }
    if (exclusive[i]) {
      exclusiveLeaving[index.source(i)] += delta;
      exclusiveEntering[index.destination(i)] += delta;
    }
    running += delta;
  }

  private int sourceLimit(int host) {
    return hostLimit(limits.perSourceHost(), host);
  }

  private int destinationLimit(int host) {
    return hostLimit(limits.perDestinationHost(), host);
  }

  private int hostLimit(int configured, int host) {
    int limit = configured == 0 ? Integer.MAX_VALUE : configured;
    if (limits.streamsBeyondFill() >= 0) {
      limit = Math.min(limit, index.streamsToFill(host) + limits.streamsBeyondFill());
    }
    return limit;
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
        DiskCopy disk = move.move.disks().get(move.diskIndex);
        resources[f] =
            new int[] {
              index.leavingNic(i),
              index.enteringNic(i),
              index.srRead(disk.sourceSrUuid()),
              index.srWrite(disk.destinationSrUuid())
            };
      } else {
        resources[f] = new int[] {index.leavingNic(i), index.enteringNic(i)};
      }
    }
    double[] rates = FairShare.rates(index.capacities(), resources, caps);
    for (int f = 0; f < flows.size(); f++) {
      flows.get(f).rate = rates[f];
    }
  }
}

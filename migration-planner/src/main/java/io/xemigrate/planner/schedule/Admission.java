package io.xemigrate.planner.schedule;

/**
 * The simulation's bookkeeping of who holds what: running moves per sending host (all, and {@code
 * migrate_send} only), per receiving host, per SR, per pool and in all; exclusive moves per NIC
 * direction; the sending hosts' numbered slots.
 */
final class Admission {
  private final SimulationIndex index;
  private final ConcurrencyLimits limits;
  private final boolean[] exclusive;
  private final int[] sourceCount;
  private final int[] migrateSendCount;
  private final int[] destinationCount;
  private final int[] srCount;
  private final int[] poolCount;
  private final int[] exclusiveLeaving;
  private final int[] exclusiveEntering;
  private final boolean[][] slotBusy;
  private final int[] sourceLimit;
  private final int[] destinationLimit;
  private int running;

  Admission(SimulationIndex index, ConcurrencyLimits limits, boolean[] exclusive) {
    this.index = index;
    this.limits = limits;
    this.exclusive = exclusive;
    int hosts = index.hostCount();
    this.sourceCount = new int[hosts];
    this.migrateSendCount = new int[hosts];
    this.destinationCount = new int[hosts];
    this.srCount = new int[index.srCount()];
    this.poolCount = new int[index.poolCount()];
    this.exclusiveLeaving = new int[hosts];
    this.exclusiveEntering = new int[hosts];
    this.slotBusy = new boolean[hosts][];
    this.sourceLimit = new int[hosts];
    this.destinationLimit = new int[hosts];
    for (int h = 0; h < hosts; h++) {
      sourceLimit[h] = hostLimit(limits.perSourceHost(), h);
      destinationLimit[h] = hostLimit(limits.perDestinationHost(), h);
      int cap = sourceLimit[h];
      slotBusy[h] = new boolean[cap == Integer.MAX_VALUE ? exclusive.length + 1 : cap];
    }
  }

  /** Takes every slot move {@code i} needs; returns its sending host's slot number. */
  int take(int i) {
    int source = index.source(i);
    int slot = 0;
    while (slotBusy[source][slot]) {
      slot++;
    }
    slotBusy[source][slot] = true;
    hold(i, +1);
    return slot;
  }

  /** Frees what move {@code i} held, {@code slot} included. */
  void release(int i, int slot) {
    hold(i, -1);
    slotBusy[index.source(i)][slot] = false;
  }

  /** Whether every limit leaves room for move {@code i}. */
  boolean withinLimits(int i) {
    if (ConcurrencyLimits.isFull(sourceCount[index.source(i)], sourceLimit[index.source(i)])
        || ConcurrencyLimits.isFull(
            destinationCount[index.destination(i)], destinationLimit[index.destination(i)])
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
  boolean sharingAllows(int i) {
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

  private int hostLimit(int configured, int host) {
    int limit = configured == 0 ? Integer.MAX_VALUE : configured;
    if (limits.streamsBeyondFill() >= 0) {
      limit = Math.min(limit, index.streamsToFill(host) + limits.streamsBeyondFill());
    }
    return limit;
  }
}

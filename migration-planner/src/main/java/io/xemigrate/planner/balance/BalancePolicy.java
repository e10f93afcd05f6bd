package io.xemigrate.planner.balance;

/**
 * How to balance.
 *
 * @param cpuThresholdPercent a host's CPU use (share of its physical CPUs) to stay at or under
 * @param memoryThresholdPercent a host's memory use (share of its memory) to stay at or under
 * @param maxMoves at most this many VMs move
 * @param rules affinity, anti-affinity, pinned VMs and excluded hosts besides the VMs' tags
 */
public record BalancePolicy(
    BalanceMode mode,
    int cpuThresholdPercent,
    int memoryThresholdPercent,
    int maxMoves,
    BalanceRules rules) {

  public static final int DEFAULT_CPU_THRESHOLD_PERCENT = 80;
  public static final int DEFAULT_MEMORY_THRESHOLD_PERCENT = 85;
  public static final int DEFAULT_MAX_MOVES = 20;

  public BalancePolicy {
    if (cpuThresholdPercent < 1 || cpuThresholdPercent > 100) {
      throw new IllegalArgumentException("the CPU threshold is a percentage from 1 to 100");
    }
    if (memoryThresholdPercent < 1 || memoryThresholdPercent > 100) {
      throw new IllegalArgumentException("the memory threshold is a percentage from 1 to 100");
    }
    if (maxMoves < 0) {
      throw new IllegalArgumentException("the most moves cannot be negative");
    }
  }

  /** The defaults for a mode: CPU 80 %, memory 85 %, 20 moves, no rules file. */
  public static BalancePolicy defaults(BalanceMode mode) {
    return new BalancePolicy(
        mode,
        DEFAULT_CPU_THRESHOLD_PERCENT,
        DEFAULT_MEMORY_THRESHOLD_PERCENT,
        DEFAULT_MAX_MOVES,
        BalanceRules.none());
  }

  double cpuThreshold() {
    return cpuThresholdPercent / 100.0;
  }

  double memoryThreshold() {
    return memoryThresholdPercent / 100.0;
  }
}

package io.xemigrate.planner.balance;

/** What a balance aims at. */
public enum BalanceMode {
  /** Every host under the thresholds, with the fewest bytes moved. */
  PERFORMANCE,
  /** As many hosts emptied as possible, every host staying under the thresholds. */
  DENSITY
}

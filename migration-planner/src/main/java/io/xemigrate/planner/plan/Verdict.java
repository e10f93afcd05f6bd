package io.xemigrate.planner.plan;

/** Whether a move can go ahead. */
public enum Verdict {
  /** Every check passed (warnings aside) and a destination host was chosen. */
  OK,
  /** At least one blocker: the VM stays where it is. */
  BLOCKED
}

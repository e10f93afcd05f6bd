package io.xemigrate.planner;

/** How bad a pre-flight finding is. */
public enum Severity {
  /** xapi would refuse the move: the VM is not moved until the cause is fixed. */
  BLOCKER,
  /** The move can go ahead, but the administrator should know (for example a slow path). */
  WARNING
}

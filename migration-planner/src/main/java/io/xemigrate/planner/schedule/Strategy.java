package io.xemigrate.planner.schedule;

/** A way to run a batch: ours, and the baselines it is measured against. */
public enum Strategy {
  /** This scheduler: convergence-aware list scheduling, best of several orders. */
  XE_MIGRATE("xe-migrate"),
  /** xapi's {@code host.evacuate}: a sliding window of 10 per evacuated host, inside a pool. */
  XAPI_EVACUATE("xapi-evacuate"),
  /**
   * Xen Orchestra: {@code host.evacuate} with a window of 3 inside a pool; 3 {@code migrate_send}
   * at a time per pool across pools.
   */
  XO("xo"),
  /** One move at a time, inventory order. */
  SEQUENTIAL("sequential");

  private final String label;

  Strategy(String label) {
    this.label = label;
  }

  /** The name used in tables and JSON. */
  public String label() {
    return label;
  }
}

package io.xemigrate.planner.predict;

/** Where a dirty-rate estimate came from, in the order the estimator tries them. */
public enum DirtySource {
  /**
   * The VM's other_config keys ({@code xe-migrate:dirty-rate-mbyte}, {@code xe-migrate:wws-mib}).
   */
  OTHER_CONFIG,
  /** Observations of earlier moves of this VM (the journal). */
  CALIBRATION,
  /** The defaults of the VM's workload kind. */
  DEFAULT_BY_KIND
}

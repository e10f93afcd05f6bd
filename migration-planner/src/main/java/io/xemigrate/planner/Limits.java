package io.xemigrate.planner;

import java.util.ArrayList;
import java.util.List;

/**
 * Limits the plan respects.
 *
 * @param maxIncomingPerHost the most moves the plan sends to one destination host; 0 means no limit
 *     (default 0)
 * @param srHeadroomFraction the share of an SR's size that an SR chosen by rule keeps free after
 *     every planned copy (default 0.05, so 5%)
 */
public record Limits(int maxIncomingPerHost, double srHeadroomFraction) {

  public static Limits defaults() {
    return new Limits(0, 0.05);
  }

  /** Every violation, each as one sentence; empty when the limits are valid. */
  public List<String> validate() {
    List<String> violations = new ArrayList<>();
    if (maxIncomingPerHost < 0) {
      violations.add("maxIncomingPerHost must be 0 (no limit) or more, not " + maxIncomingPerHost);
    }
    if (!(srHeadroomFraction >= 0 && srHeadroomFraction < 1)) {
      violations.add(
          "srHeadroomFraction must be at least 0 and below 1, not " + srHeadroomFraction);
    }
    return List.copyOf(violations);
  }
}

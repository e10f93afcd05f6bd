package io.xemigrate.plugin.demo;

import com.google.common.collect.ImmutableList;

/**
 * What the demo prints: per moved VM the predicted and the simulator's recorded times, the VMs the
 * checks blocked with their codes, and the batch's makespan against its lower bound.
 */
public record DemoReport(
    String host,
    ImmutableList<Moved> moves,
    ImmutableList<Blocked> blocked,
    double makespanSeconds,
    double predictedMakespanSeconds,
    double lowerBoundSeconds,
    boolean verified) {

  /** One move. {@code actual*} come from the simulator's recorded truth. */
  public record Moved(
      String vm,
      double predictedSeconds,
      double actualSeconds,
      double predictedDowntimeMs,
      double actualDowntimeMs,
      boolean ok,
      String code) {}

  /** A VM the checks kept where it is. */
  public record Blocked(String vm, ImmutableList<String> codes) {}

  public boolean allOk() {
    return verified && moves.stream().allMatch(Moved::ok);
  }
}

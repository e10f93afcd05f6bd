package io.xemigrate.planner.schedule;

import io.xemigrate.planner.predict.PrecopyModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the scheduler may run a batch, as data with documented defaults ({@link #defaults()}).
 *
 * @param maxPerSourceHost concurrent moves of any kind leaving one host; default 10 (xapi's
 *     evacuate window). The scheduler also tries the lower limit that just fills the NIC.
 * @param maxMigrateSendPerSourceHost concurrent {@code migrate_send} moves (storage motion or
 *     cross-pool) leaving one host; default 3, at most 3 (xapi answers a 4th with {@code
 *     TOO_MANY_STORAGE_MIGRATES})
 * @param maxPerDestinationHost concurrent moves entering one host; default 3
 * @param maxPerSr concurrent moves copying disks from or to one SR; default 3
 * @param deadline the maintenance window, if any: moves predicted to end after it are flagged and
 *     the scheduler first minimises the priority of such moves; default none
 * @param exclusiveWhenNotConverging whether a VM that would not converge on a shared link gets an
 *     unshared stream; default true
 * @param makespanTolerance relative difference under which two makespans count as equal, so total
 *     downtime decides; default 0.01 (1 %, well inside the prediction error)
 * @param model Xen's stop rules and fixed costs; default {@link PrecopyModel#xenDefaults()}
 */
public record SchedulerPolicy(
    int maxPerSourceHost,
    int maxMigrateSendPerSourceHost,
    int maxPerDestinationHost,
    int maxPerSr,
    Optional<Duration> deadline,
    boolean exclusiveWhenNotConverging,
    double makespanTolerance,
    PrecopyModel model) {

  /** The defaults listed on each component. */
  public static SchedulerPolicy defaults() {
    return new SchedulerPolicy(
        10,
        ConcurrencyLimits.XAPI_MIGRATE_SEND_LIMIT,
        3,
        3,
        Optional.empty(),
        true,
        0.01,
        PrecopyModel.xenDefaults());
  }

  /** This policy with a maintenance window. */
  public SchedulerPolicy withDeadline(Duration window) {
    return new SchedulerPolicy(
        maxPerSourceHost,
        maxMigrateSendPerSourceHost,
        maxPerDestinationHost,
        maxPerSr,
        Optional.of(window),
        exclusiveWhenNotConverging,
        makespanTolerance,
        model);
  }

  /** This policy with other limits on moves leaving and entering one host. */
  public SchedulerPolicy withHostLimits(int perSourceHost, int perDestinationHost) {
    return new SchedulerPolicy(
        perSourceHost,
        maxMigrateSendPerSourceHost,
        perDestinationHost,
        maxPerSr,
        deadline,
        exclusiveWhenNotConverging,
        makespanTolerance,
        model);
  }

  /** This policy with other stop rules and fixed costs. */
  public SchedulerPolicy withModel(PrecopyModel newModel) {
    return new SchedulerPolicy(
        maxPerSourceHost,
        maxMigrateSendPerSourceHost,
        maxPerDestinationHost,
        maxPerSr,
        deadline,
        exclusiveWhenNotConverging,
        makespanTolerance,
        newModel);
  }

  /** Every violation, not just the first; empty when the policy is usable. */
  public List<PolicyViolation> validate() {
    List<PolicyViolation> violations = new ArrayList<>();
    atLeastOne(violations, "maxPerSourceHost", maxPerSourceHost);
    atLeastOne(violations, "maxMigrateSendPerSourceHost", maxMigrateSendPerSourceHost);
    atLeastOne(violations, "maxPerDestinationHost", maxPerDestinationHost);
    atLeastOne(violations, "maxPerSr", maxPerSr);
    if (maxMigrateSendPerSourceHost > ConcurrencyLimits.XAPI_MIGRATE_SEND_LIMIT) {
      violations.add(
          new PolicyViolation(
              "maxMigrateSendPerSourceHost",
              PolicyViolation.Code.TOO_LARGE,
              "xapi runs at most 3 migrate_send per sending host; got "
                  + maxMigrateSendPerSourceHost));
    }
    if (deadline.isPresent() && (deadline.get().isNegative() || deadline.get().isZero())) {
      violations.add(
          new PolicyViolation(
              "deadline", PolicyViolation.Code.TOO_SMALL, "the window must be longer than 0 s"));
    }
    if (!(makespanTolerance >= 0)) {
      violations.add(
          new PolicyViolation("makespanTolerance", PolicyViolation.Code.TOO_SMALL, "must be >= 0"));
    } else if (makespanTolerance > 0.2) {
      violations.add(
          new PolicyViolation(
              "makespanTolerance",
              PolicyViolation.Code.TOO_LARGE,
              "above 0.2 the makespan would hardly count; got " + makespanTolerance));
    }
    return violations;
  }

  /** The concurrency limits of this policy, as the simulation applies them. */
  public ConcurrencyLimits limits() {
    return new ConcurrencyLimits(
        maxPerSourceHost,
        maxMigrateSendPerSourceHost,
        maxPerDestinationHost,
        maxPerSr,
        0,
        0,
        ConcurrencyLimits.NO_FILL_LIMIT);
  }

  private static void atLeastOne(List<PolicyViolation> violations, String field, int value) {
    if (value < 1) {
      violations.add(
          new PolicyViolation(field, PolicyViolation.Code.TOO_SMALL, "must be >= 1; got " + value));
    }
  }
}

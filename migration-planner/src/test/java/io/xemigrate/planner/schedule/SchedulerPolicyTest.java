package io.xemigrate.planner.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.planner.predict.PrecopyModel;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchedulerPolicyTest {
  @Test
  void theDefaultsAreValidAndDocumented() {
    SchedulerPolicy defaults = SchedulerPolicy.defaults();

    assertThat(defaults.validate()).isEmpty();
    assertThat(defaults.maxMigrateSendPerSourceHost()).isEqualTo(3);
    assertThat(defaults.maxPerSourceHost()).isEqualTo(10);
    assertThat(defaults.deadline()).isEmpty();
    assertThat(defaults.model()).isEqualTo(PrecopyModel.xenDefaults());
  }

  @Test
  void validateReportsEveryViolationNotJustTheFirst() {
    SchedulerPolicy policy =
        new SchedulerPolicy(
            0, 5, 0, -1, Optional.of(Duration.ZERO), true, 0.5, PrecopyModel.xenDefaults());

    assertThat(policy.validate())
        .extracting(PolicyViolation::field, PolicyViolation::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("maxPerSourceHost", PolicyViolation.Code.TOO_SMALL),
            org.assertj.core.groups.Tuple.tuple(
                "maxPerDestinationHost", PolicyViolation.Code.TOO_SMALL),
            org.assertj.core.groups.Tuple.tuple("maxPerSr", PolicyViolation.Code.TOO_SMALL),
            org.assertj.core.groups.Tuple.tuple(
                "maxMigrateSendPerSourceHost", PolicyViolation.Code.TOO_LARGE),
            org.assertj.core.groups.Tuple.tuple("deadline", PolicyViolation.Code.TOO_SMALL),
            org.assertj.core.groups.Tuple.tuple(
                "makespanTolerance", PolicyViolation.Code.TOO_LARGE));
  }
}

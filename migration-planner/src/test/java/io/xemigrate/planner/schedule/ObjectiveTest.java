package io.xemigrate.planner.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.planner.predict.CalibrationObservations;
import io.xemigrate.planner.predict.DirtyProfile;
import io.xemigrate.planner.predict.MoveDemand;
import io.xemigrate.storage.estimate.DiskCopyEstimator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What {@code objective=} changes on a small drain: four hosts emptied into two over NICs that
 * carry two full streams, each VM dirtying memory, so streams sharing a NIC pause the guests
 * longer.
 */
class ObjectiveTest {
  private static final long GIB = 1L << 30;
  private static final double MB = 1e6;

  private final Topology topology =
      new Topology(
          Map.of(
              "s0", new HostLink("s0", "pool", 5e8),
              "s1", new HostLink("s1", "pool", 5e8),
              "s2", new HostLink("s2", "pool", 5e8),
              "s3", new HostLink("s3", "pool", 5e8),
              "d0", new HostLink("d0", "pool", 5e8),
              "d1", new HostLink("d1", "pool", 5e8)),
          2.5e8,
          DiskCopyEstimator.defaults(),
          CalibrationObservations.none());

  private static List<MoveDemand> drain() {
    List<MoveDemand> moves = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      DirtyProfile dirty = new DirtyProfile((20 + (i % 5) * 15) * MB, 512L << 20);
      moves.add(
          MoveDemand.memoryOnly(
              String.format("vm-%02d", i), "s" + (i % 4), "d" + (i % 2), (2 + i % 3) * GIB, dirty));
    }
    return moves;
  }

  private Schedule schedule(Objective objective) {
    return new Scheduler(topology, SchedulerPolicy.defaults(), objective).schedule(drain());
  }

  private static int mostEnteringOneHost(Schedule schedule) {
    int most = 0;
    for (ScheduledMove starting : schedule.queue()) {
      double t = starting.startSeconds();
      for (String host : List.of("d0", "d1")) {
        int count =
            (int)
                schedule.queue().stream()
                    .filter(m -> m.destinationHostUuid().equals(host))
                    .filter(m -> m.startSeconds() <= t + 1e-9 && m.endSeconds() > t + 1e-9)
                    .count();
        most = Math.max(most, count);
      }
    }
    return most;
  }

  @Test
  void balancedIsTheDefaultAndKeepsThePolicysLimits() {
    Schedule balanced = schedule(Objective.BALANCED);

    assertThat(new Scheduler(topology, SchedulerPolicy.defaults()).schedule(drain()))
        .isEqualTo(balanced);
    assertThat(mostEnteringOneHost(balanced)).isLessThanOrEqualTo(3);
  }

  @Test
  void makespanLetsMoreMovesIntoAHostAndEndsNoLater() {
    Schedule balanced = schedule(Objective.BALANCED);
    Schedule makespan = schedule(Objective.MAKESPAN);

    assertThat(Objective.MAKESPAN.limit(SchedulerPolicy.defaults()).maxPerDestinationHost())
        .isEqualTo(SchedulerPolicy.defaults().maxPerSourceHost());
    assertThat(makespan.makespanSeconds()).isLessThanOrEqualTo(balanced.makespanSeconds());
  }

  @Test
  void downtimeGivesEveryStreamItsNicsAndPausesNoLongerThanOneAtATime() {
    Schedule downtime = schedule(Objective.DOWNTIME);
    Schedule balanced = schedule(Objective.BALANCED);
    Scheduler oneHost = new Scheduler(topology, SchedulerPolicy.defaults());
    Schedule sequential =
        Baselines.run(
            Strategy.SEQUENTIAL,
            drain(),
            topology,
            SchedulerPolicy.defaults().model(),
            oneHost.soloPredictions(drain()));

    assertThat(mostEnteringOneHost(downtime)).isEqualTo(1);
    assertThat(downtime.totalDowntimeSeconds())
        .isLessThanOrEqualTo(balanced.totalDowntimeSeconds() * (1 + 1e-9));
    assertThat(downtime.totalDowntimeSeconds())
        .isLessThanOrEqualTo(sequential.totalDowntimeSeconds() * 1.05);
    assertThat(downtime.makespanSeconds()).isLessThan(sequential.makespanSeconds() / 1.9);
  }

  @Test
  void objectivesAreNamedAsOnTheCommandLine() {
    assertThat(Objective.parse("makespan")).contains(Objective.MAKESPAN);
    assertThat(Objective.parse("downtime")).contains(Objective.DOWNTIME);
    assertThat(Objective.parse("balanced")).contains(Objective.BALANCED);
    assertThat(Objective.parse("fastest")).isEmpty();
  }
}

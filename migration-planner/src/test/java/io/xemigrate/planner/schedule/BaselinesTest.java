package io.xemigrate.planner.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import io.xemigrate.planner.predict.CalibrationObservations;
import io.xemigrate.planner.predict.DirtyProfile;
import io.xemigrate.planner.predict.MoveDemand;
import io.xemigrate.planner.predict.MovePrediction;
import io.xemigrate.planner.predict.PrecopyModel;
import io.xemigrate.storage.estimate.DiskCopyEstimator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The baselines' rules: batches as xapi's host.evacuate and Xen Orchestra run them. */
class BaselinesTest {
  private static final long GIB = 1L << 30;
  private static final double EPSILON = 1e-9;

  private final Topology topology =
      new Topology(
          Map.of(
              "src-a", new HostLink("src-a", "pool", 1e10),
              "src-b", new HostLink("src-b", "pool", 1e10),
              "dst", new HostLink("dst", "pool", 1e10),
              "remote", new HostLink("remote", "other-pool", 1e10)),
          2.5e8,
          DiskCopyEstimator.defaults(),
          CalibrationObservations.none());

  /** {@code count} idle moves of 1 GiB from {@code source} into the one host {@code dst}. */
  private static List<MoveDemand> moves(String source, int count) {
    List<MoveDemand> moves = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      moves.add(
          MoveDemand.memoryOnly(
              String.format("%s-vm-%02d", source, i), source, "dst", GIB, DirtyProfile.NONE));
    }
    return moves;
  }

  private Schedule run(Strategy strategy, List<MoveDemand> moves) {
    Scheduler scheduler =
        new Scheduler(topology, SchedulerPolicy.defaults().withModel(PrecopyModel.bare()));
    List<MovePrediction> solo = scheduler.soloPredictions(moves);
    return Baselines.run(strategy, moves, topology, PrecopyModel.bare(), solo);
  }

  /** The most moves running at once, over the moves {@code key} puts together. */
  private static int mostAtOnce(Schedule schedule, Function<ScheduledMove, String> key) {
    int most = 0;
    for (ScheduledMove starting : schedule.queue()) {
      double t = starting.startSeconds();
      Map<String, Integer> counts = new java.util.HashMap<>();
      for (ScheduledMove move : schedule.queue()) {
        if (move.startSeconds() <= t + EPSILON && move.endSeconds() > t + EPSILON) {
          counts.merge(key.apply(move), 1, Integer::sum);
        }
      }
      most = Math.max(most, counts.values().stream().mapToInt(Integer::intValue).max().orElse(0));
    }
    return most;
  }

  @Test
  void xapiEvacuateRunsTenPerEvacuatedHostAndStartsTheEleventhWhenOneEnds() {
    Schedule schedule = run(Strategy.XAPI_EVACUATE, moves("src-a", 25));

    assertThat(mostAtOnce(schedule, ScheduledMove::sourceHostUuid)).isEqualTo(10);
    // A sliding window, not fixed batches: the first ten start together, the eleventh as soon as
    // the first of them ends, in inventory order.
    ImmutableList<ScheduledMove> queue = schedule.queue();
    assertThat(queue.subList(0, 10)).allMatch(move -> move.startSeconds() == 0);
    double firstEnd =
        queue.subList(0, 10).stream().mapToDouble(ScheduledMove::endSeconds).min().orElseThrow();
    assertThat(queue.get(10).startSeconds()).isEqualTo(firstEnd);
    assertThat(queue.get(10).vmUuid()).isEqualTo("src-a-vm-10");
  }

  @Test
  void xapiEvacuateSetsNoLimitOnTheReceivingHost() {
    List<MoveDemand> moves = new ArrayList<>(moves("src-a", 12));
    moves.addAll(moves("src-b", 12));

    Schedule schedule = run(Strategy.XAPI_EVACUATE, moves);

    // Two evacuated hosts, ten each, all into one host: twenty enter it at once.
    assertThat(mostAtOnce(schedule, ScheduledMove::destinationHostUuid)).isEqualTo(20);
    assertThat(Baselines.limitsOf(Strategy.XAPI_EVACUATE).perDestinationHost()).isZero();
  }

  @Test
  void xoEvacuatesThreeAtATimePerHostInsideAPool() {
    List<MoveDemand> moves = new ArrayList<>(moves("src-a", 6));
    moves.addAll(moves("src-b", 6));

    Schedule schedule = run(Strategy.XO, moves);

    assertThat(mostAtOnce(schedule, ScheduledMove::sourceHostUuid)).isEqualTo(3);
    assertThat(mostAtOnce(schedule, move -> "pool")).isEqualTo(6);
  }

  @Test
  void acrossPoolsXoSendsThreeAtATimePerPoolAndHostEvacuateDoesNotApply() {
    List<MoveDemand> moves = new ArrayList<>();
    for (String source : List.of("src-a", "src-b")) {
      for (int i = 0; i < 4; i++) {
        moves.add(
            new MoveDemand(
                source + "-vm-" + i,
                source,
                "remote",
                GIB,
                DirtyProfile.NONE,
                ImmutableList.of(),
                0,
                true));
      }
    }

    Schedule schedule = run(Strategy.XO, moves);

    assertThat(mostAtOnce(schedule, move -> "pool")).isEqualTo(3);
    assertThat(Baselines.appliesTo(Strategy.XAPI_EVACUATE, moves)).isFalse();
    assertThat(Baselines.appliesTo(Strategy.XAPI_EVACUATE, moves("src-a", 2))).isTrue();
    assertThat(Baselines.appliesTo(Strategy.XO, moves)).isTrue();
  }

  @Test
  void sequentialRunsOneMoveAtATime() {
    Schedule schedule = run(Strategy.SEQUENTIAL, moves("src-a", 5));

    assertThat(mostAtOnce(schedule, move -> "batch")).isEqualTo(1);
  }
}

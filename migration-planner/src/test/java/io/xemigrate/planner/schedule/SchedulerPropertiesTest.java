package io.xemigrate.planner.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import io.xemigrate.planner.predict.CalibrationObservations;
import io.xemigrate.planner.predict.DirtyProfile;
import io.xemigrate.planner.predict.MoveDemand;
import io.xemigrate.planner.predict.MovePrediction;
import io.xemigrate.storage.estimate.DiskCopy;
import io.xemigrate.storage.estimate.DiskCopyEstimator;
import io.xemigrate.storage.estimate.SrThroughput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Properties of every schedule, ours and the baselines', over random batches. */
class SchedulerPropertiesTest {
  private static final double EPSILON = 1e-6;

  /** A random batch: 2-6 hosts in 1-2 pools, up to 18 moves, some with disks, mixed links. */
  record Batch(List<MoveDemand> moves, Topology topology) {}

  static Batch batch(long seed) {
    Random random = new Random(seed);
    int hostCount = 2 + random.nextInt(5);
    double[] nics = {125e6, 1.25e9, 3.125e9};
    Map<String, HostLink> hosts = new HashMap<>();
    for (int h = 0; h < hostCount; h++) {
      String pool = h % 2 == 0 || random.nextBoolean() ? "pool-a" : "pool-b";
      hosts.put("h" + h, new HostLink("h" + h, pool, nics[random.nextInt(nics.length)]));
    }
    List<MoveDemand> moves = new ArrayList<>();
    int moveCount = random.nextInt(19);
    for (int v = 0; v < moveCount; v++) {
      int source = random.nextInt(hostCount);
      int destination = (source + 1 + random.nextInt(hostCount - 1)) % hostCount;
      long memory = (long) ((0.25 + random.nextDouble() * 16) * (1L << 30));
      DirtyProfile dirty =
          new DirtyProfile(random.nextDouble() * 4e8, (long) (random.nextDouble() * memory));
      List<DiskCopy> disks = new ArrayList<>();
      if (random.nextInt(3) == 0) {
        disks.add(
            new DiskCopy(
                "d" + v,
                (long) (random.nextDouble() * (20L << 30)),
                "sr" + random.nextInt(3),
                "sr" + (3 + random.nextInt(3))));
      }
      boolean crossPool =
          !hosts.get("h" + source).poolUuid().equals(hosts.get("h" + destination).poolUuid());
      moves.add(
          new MoveDemand(
              String.format(java.util.Locale.ROOT, "vm-%02d", v),
              "h" + source,
              "h" + destination,
              memory,
              dirty,
              ImmutableList.copyOf(disks),
              random.nextInt(3),
              crossPool));
    }
    Topology topology =
        new Topology(
            hosts,
            (1 + random.nextInt(8)) * 125e6,
            new DiskCopyEstimator(
                2.0, Map.of("sr0", new SrThroughput(2e8, 2e8)), new SrThroughput(4e8, 3e8)),
            CalibrationObservations.none());
    return new Batch(moves, topology);
  }

  private static List<Schedule> allStrategies(Batch batch, SchedulerPolicy policy) {
    Scheduler scheduler = new Scheduler(batch.topology(), policy);
    List<MovePrediction> solo = scheduler.soloPredictions(batch.moves());
    List<Schedule> schedules = new ArrayList<>();
    schedules.add(scheduler.schedule(batch.moves()));
    for (Strategy baseline : List.of(Strategy.XAPI_EVACUATE, Strategy.XO, Strategy.SEQUENTIAL)) {
      schedules.add(Baselines.run(baseline, batch.moves(), batch.topology(), policy.model(), solo));
    }
    return schedules;
  }

  private static ConcurrencyLimits limitsOf(
      Strategy strategy, SchedulerPolicy policy, boolean acrossPools) {
    return switch (strategy) {
      case XE_MIGRATE -> policy.limits();
      case XAPI_EVACUATE, XO, SEQUENTIAL -> Baselines.limitsOf(strategy, acrossPools);
    };
  }

  @Property(tries = 30)
  void everyMoveIsScheduledExactlyOnceAndTheQueueIsInStartOrder(@ForAll long seed) {
    Batch batch = batch(seed);
    for (Schedule schedule : allStrategies(batch, SchedulerPolicy.defaults())) {
      assertThat(schedule.queue())
          .extracting(ScheduledMove::vmUuid)
          .containsExactlyInAnyOrderElementsOf(
              batch.moves().stream().map(MoveDemand::vmUuid).toList());
      for (int i = 0; i < schedule.queue().size(); i++) {
        ScheduledMove move = schedule.queue().get(i);
        assertThat(move.sequence()).isEqualTo(i);
        if (i > 0) {
          assertThat(move.startSeconds())
              .isGreaterThanOrEqualTo(schedule.queue().get(i - 1).startSeconds());
        }
      }
    }
  }

  @Property(tries = 30)
  void limitsAreNeverExceededAtAnyInstant(@ForAll long seed) {
    Batch batch = batch(seed);
    SchedulerPolicy policy = SchedulerPolicy.defaults();
    Map<String, MoveDemand> demands =
        batch.moves().stream().collect(Collectors.toMap(MoveDemand::vmUuid, Function.identity()));
    for (Schedule schedule : allStrategies(batch, policy)) {
      ConcurrencyLimits limits =
          limitsOf(schedule.strategy(), policy, Baselines.acrossPools(batch.moves()));
      // Counts change only when a move starts, so checking every start instant covers all.
      for (ScheduledMove starting : schedule.queue()) {
        double t = starting.startSeconds();
        List<ScheduledMove> running =
            schedule.queue().stream()
                .filter(m -> m.startSeconds() <= t && m.endSeconds() > t + EPSILON)
                .toList();
        assertWithin(limits.total(), running.size());
        assertWithin(
            limits.perSourcePool(), maxCount(running, m -> pool(batch, m.sourceHostUuid())));
        assertWithin(limits.perSourceHost(), maxCount(running, ScheduledMove::sourceHostUuid));
        assertWithin(
            limits.migrateSendPerSourceHost(),
            maxCount(
                running.stream()
                    .filter(m -> ConcurrencyLimits.isMigrateSend(demands.get(m.vmUuid())))
                    .toList(),
                ScheduledMove::sourceHostUuid));
        assertWithin(
            limits.perDestinationHost(), maxCount(running, ScheduledMove::destinationHostUuid));
        if (limits.perSr() > 0) {
          Map<String, Integer> perSr = new HashMap<>();
          for (ScheduledMove m : running) {
            Set<String> srs = new HashSet<>();
            for (DiskCopy disk : demands.get(m.vmUuid()).disks()) {
              srs.add(disk.sourceSrUuid());
              srs.add(disk.destinationSrUuid());
            }
            srs.forEach(sr -> perSr.merge(sr, 1, Integer::sum));
          }
          perSr.values().forEach(count -> assertWithin(limits.perSr(), count));
        }
        for (ScheduledMove exclusive : running) {
          if (!exclusive.exclusive()) {
            continue;
          }
          long leaving =
              running.stream()
                  .filter(m -> m.sourceHostUuid().equals(exclusive.sourceHostUuid()))
                  .count();
          long entering =
              running.stream()
                  .filter(m -> m.destinationHostUuid().equals(exclusive.destinationHostUuid()))
                  .count();
          assertThat(leaving)
              .isLessThanOrEqualTo(batch.topology().unsharedStreams(exclusive.sourceHostUuid()));
          assertThat(entering)
              .isLessThanOrEqualTo(
                  batch.topology().unsharedStreams(exclusive.destinationHostUuid()));
        }
      }
    }
  }

  @Property(tries = 30)
  void noScheduleBeatsItsLowerBoundAndNoMoveBeatsItsSoloPrediction(@ForAll long seed) {
    Batch batch = batch(seed);
    SchedulerPolicy policy = SchedulerPolicy.defaults();
    Scheduler scheduler = new Scheduler(batch.topology(), policy);
    Map<String, MovePrediction> solo = new HashMap<>();
    List<MovePrediction> predictions = scheduler.soloPredictions(batch.moves());
    for (MovePrediction p : predictions) {
      solo.put(p.vmUuid(), p);
    }
    for (Schedule schedule : allStrategies(batch, policy)) {
      assertThat(schedule.makespanSeconds())
          .isGreaterThanOrEqualTo(schedule.lowerBound().seconds() * (1 - 1e-9));
      for (ScheduledMove move : schedule.queue()) {
        MovePrediction alone = solo.get(move.vmUuid());
        assertThat(move.durationSeconds())
            .isGreaterThanOrEqualTo(alone.totalSeconds() * (1 - 1e-9) - EPSILON);
        assertThat(move.bytesSent()).isGreaterThanOrEqualTo(alone.bytesSent() * (1 - 1e-9) - 1);
      }
    }
  }

  @Property(tries = 20)
  void theSameBatchGivesTheSameScheduleAndPredecessorsComeFirst(@ForAll long seed) {
    Batch batch = batch(seed);
    Scheduler scheduler = new Scheduler(batch.topology(), SchedulerPolicy.defaults());

    Schedule first = scheduler.schedule(batch.moves());
    Schedule second =
        new Scheduler(batch.topology(), SchedulerPolicy.defaults()).schedule(batch.moves());

    assertThat(second).isEqualTo(first);
    Map<String, ScheduledMove> byVm =
        first.queue().stream()
            .collect(Collectors.toMap(ScheduledMove::vmUuid, Function.identity()));
    for (ScheduledMove move : first.queue()) {
      for (String predecessor : move.predecessors()) {
        ScheduledMove before = byVm.get(predecessor);
        assertThat(before.sequence()).isLessThan(move.sequence());
        assertThat(before.endSeconds()).isLessThanOrEqualTo(move.startSeconds() + EPSILON);
      }
    }
  }

  private static void assertWithin(int limit, long count) {
    if (limit > 0) {
      assertThat(count).isLessThanOrEqualTo(limit);
    }
  }

  private static long maxCount(List<ScheduledMove> running, Function<ScheduledMove, String> key) {
    return running.stream()
        .collect(Collectors.groupingBy(key, Collectors.counting()))
        .values()
        .stream()
        .mapToLong(Long::longValue)
        .max()
        .orElse(0);
  }

  private static String pool(Batch batch, String host) {
    return batch.topology().host(host).poolUuid();
  }
}

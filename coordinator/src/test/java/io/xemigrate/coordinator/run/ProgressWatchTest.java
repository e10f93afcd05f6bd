package io.xemigrate.coordinator.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.planner.MigrationMethod;
import io.xemigrate.planner.place.PlacementExplanation;
import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.planner.plan.MoveSchedule;
import io.xemigrate.planner.plan.Verdict;
import io.xemigrate.planner.schedule.WaitingQueue.Running;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The watch on task progress, on a clock the test moves: what departs, and when. */
class ProgressWatchTest {
  private final MovableClock clock = new MovableClock();
  private final List<Object> loop = new ArrayList<>();
  private final ProgressWatch watch = new ProgressWatch(clock, loop::add);

  @Test
  void aMoveOnItsPlanNeverDeparts() {
    MovePlan move = move("vm-1", 100);
    watch.begun(move);
    watch.migrationCalled("vm-1");
    for (int second = 10; second <= 100; second += 10) {
      clock.advance(10);
      watch.progress("vm-1", Math.min(1.0, second / 90.0));
    }
    assertThat(loop).isEmpty();
  }

  @Test
  void aMoveStalledPastItsPlanDepartsOnceAndThenAgainOnlyWhenItSlipsFurther() {
    MovePlan move = move("vm-1", 100);
    watch.begun(move);
    watch.migrationCalled("vm-1");
    clock.advance(60);
    watch.progress("vm-1", 0.8);
    clock.advance(60);
    // 120 s in at 0.8: at least 150 s in all, 50 % and 50 s over the plan.
    watch.progress("vm-1", 0.8);
    clock.advance(1);
    watch.progress("vm-1", 0.81);

    assertThat(loop).singleElement().isInstanceOf(ProgressWatch.Departure.class);
    ProgressWatch.Departure departure = (ProgressWatch.Departure) loop.get(0);
    assertThat(departure.expectedSeconds()).isEqualTo(150);
    assertThat(departure.plannedSeconds()).isEqualTo(100);
    // The re-plan counts on the estimate: 29 s left, and the move's pair saw it 1.5 times slower.
    assertThat(watch.running()).extracting(Running::remainingSeconds).containsExactly(29.0);
    assertThat(watch.observed())
        .singleElement()
        .satisfies(o -> assertThat(o.ratio()).isEqualTo(1.5));

    clock.advance(79);
    watch.progress("vm-1", 0.82);
    // 200 s: over 150 s by a third and by 50 s: a second departure.
    assertThat(loop).hasSize(2);
  }

  @Test
  void theMemoryRunAfterTheDisksIsExtrapolatedFromItsOwnStart() {
    MovePlan move = move("vm-1", 200);
    watch.begun(move);
    watch.migrationCalled("vm-1");
    clock.advance(100);
    watch.progress("vm-1", 1.0);
    clock.advance(10);
    // Progress starts again at 0 for memory: 100 s of disks, then memory.
    watch.progress("vm-1", 0.0);
    clock.advance(40);
    watch.progress("vm-1", 0.5);
    // 100 + 50 / 0.5 = 200: on the plan (the whole 150 s over 0.5 would have said 300).
    assertThat(loop).isEmpty();
  }

  @Test
  void anUnscheduledMoveHasNoPlanToDepartFrom() {
    watch.begun(move("vm-1", 0));
    watch.migrationCalled("vm-1");
    clock.advance(1000);
    watch.progress("vm-1", 0.5);
    assertThat(loop).isEmpty();
  }

  private static MovePlan move(String vm, double plannedSeconds) {
    return new MovePlan(
        vm,
        vm,
        "Running",
        "src",
        "src",
        Verdict.OK,
        "dst",
        "dst",
        MigrationMethod.POOL_MIGRATE,
        List.of(),
        List.of(),
        "net",
        List.of(),
        new PlacementExplanation(1, 1, Map.of(), Map.of(), List.of(), "dst"),
        plannedSeconds > 0
            ? new MoveSchedule(0, 0, List.of(), 0, plannedSeconds, 0.1, true, null, null)
            : MoveSchedule.unscheduled());
  }

  /** A clock moved by hand, in whole seconds. */
  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(long seconds) {
      now = now.plus(Duration.ofSeconds(seconds));
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}

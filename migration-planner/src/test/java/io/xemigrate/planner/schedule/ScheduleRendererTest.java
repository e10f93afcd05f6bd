package io.xemigrate.planner.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScheduleRendererTest {
  @Test
  void rendersOneLinePerMoveThenTheBatchFigures() {
    Schedule schedule =
        new Schedule(
            Strategy.XE_MIGRATE,
            "longest first",
            ImmutableList.of(
                new ScheduledMove(
                    "11111111-aaaa",
                    "host-a-uuid",
                    "host-b-uuid",
                    0,
                    0,
                    ImmutableList.of(),
                    0,
                    60,
                    0.25,
                    3,
                    true,
                    false,
                    8e9,
                    0),
                new ScheduledMove(
                    "22222222-bbbb",
                    "host-a-uuid",
                    "host-b-uuid",
                    1,
                    0,
                    ImmutableList.of("11111111-aaaa"),
                    60,
                    40,
                    1.5,
                    5,
                    false,
                    true,
                    9e9,
                    0)),
            100,
            new LowerBound(80, 50, 60),
            Optional.of(90.0));

    String text = ScheduleRenderer.render(schedule);

    assertThat(text)
        .contains("xe-migrate schedule (longest first), 2 moves")
        .contains("11111111  host-a-u  host-b-u     0        0.0s       60.0s       250ms")
        .contains("after 11111111; unshared stream; does not converge; ends after the window")
        .contains("makespan 100.0 s; lower bound 80.0 s (network 80.0 s, slots 50.0 s,")
        .contains("ratio 1.25")
        .contains("downtime total 1.75 s, largest 1500 ms; not converging: 1")
        .contains("window 90 s: 1 moves predicted to end after it");
  }
}

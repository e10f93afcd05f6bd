package io.xemigrate.planner.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.planner.schedule.WaitingQueue.Entry;
import io.xemigrate.planner.schedule.WaitingQueue.Observed;
import io.xemigrate.planner.schedule.WaitingQueue.Planned;
import io.xemigrate.planner.schedule.WaitingQueue.Replan;
import io.xemigrate.planner.schedule.WaitingQueue.Running;
import io.xemigrate.planner.schedule.WaitingQueue.Waiting;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The online re-plan: two host pairs each running one move at a time; the plan interleaves their
 * waiting moves by predicted start. When the move running on s1 is found to need much longer, s1's
 * waiting moves go behind s2's, and each waits for the move that now frees its host.
 */
class WaitingQueueTest {
  /**
   * s1 -> d1: hot [0, 100], q1 [100, 140], q2 [140, 180]; s2 -> d2: r1 [0, 60] ... r3 [120, 180].
   */
  private static final List<Planned> PLAN =
      List.of(
          new Planned("hot", "s1", "d1", 0, 100),
          new Planned("q1", "s1", "d1", 100, 40),
          new Planned("q2", "s1", "d1", 140, 40),
          new Planned("r1", "s2", "d2", 0, 60),
          new Planned("r2", "s2", "d2", 60, 60),
          new Planned("r3", "s2", "d2", 120, 60));

  /** At t = 50, the waiting moves in the plan's start order: q1 (100), r2 (60)... */
  private static final List<Waiting> WAITING =
      List.of(
          new Waiting("r2", "s2", "d2", 60),
          new Waiting("q1", "s1", "d1", 40),
          new Waiting("r3", "s2", "d2", 60),
          new Waiting("q2", "s1", "d1", 40));

  @Test
  void aMoveRunningAsPlannedKeepsTheOrder() {
    Replan replan =
        WaitingQueue.of(PLAN)
            .replan(
                WAITING,
                List.of(new Running("hot", "s1", "d1", 50), new Running("r1", "s2", "d2", 10)),
                List.of());

    assertThat(replan.vmOrder()).containsExactly("r2", "q1", "r3", "q2");
    assertThat(replan.queue().get(1).predecessors()).containsExactly("hot");
    assertThat(replan.makespanSeconds()).isEqualTo(130);
  }

  @Test
  void aRunningMoveFoundSlowerSendsItsHostsWaitingMovesBehindTheOthers() {
    Replan replan =
        WaitingQueue.of(PLAN)
            .replan(
                WAITING,
                List.of(new Running("hot", "s1", "d1", 250), new Running("r1", "s2", "d2", 10)),
                List.of(new Observed("s1", "d1", 3.0)));

    // One slow VM is no evidence against its link: q1 and q2 keep their 40 s.
    assertThat(replan.vmOrder()).containsExactly("r2", "r3", "q1", "q2");
    Entry q1 = replan.queue().get(2);
    assertThat(q1.startSeconds()).isEqualTo(250);
    assertThat(q1.durationSeconds()).isEqualTo(40);
    assertThat(q1.predecessors()).containsExactly("hot");
    assertThat(replan.queue().get(3).predecessors()).containsExactly("q1");
    assertThat(replan.queue().get(1).predecessors()).containsExactly("r2");
    assertThat(replan.queue()).extracting(Entry::sequence).containsExactly(0, 1, 2, 3);
  }

  @Test
  void twoSlowMovesOfOnePairSlowItsWaitingMovesByTheSmallerRatio() {
    Replan replan =
        WaitingQueue.of(PLAN)
            .replan(
                WAITING,
                List.of(new Running("hot", "s1", "d1", 50), new Running("r1", "s2", "d2", 10)),
                List.of(new Observed("s2", "d2", 2.0), new Observed("s2", "d2", 1.5)));

    assertThat(replan.queue())
        .filteredOn(entry -> entry.vmUuid().startsWith("r"))
        .extracting(Entry::durationSeconds)
        .containsOnly(90.0);
    assertThat(replan.queue())
        .filteredOn(entry -> entry.vmUuid().startsWith("q"))
        .extracting(Entry::durationSeconds)
        .containsOnly(40.0);
  }

  @Test
  void longestFirstWinsWhenItEndsSooner() {
    // One host pair, two at once: the plan's order put the long move last.
    List<Planned> plan =
        List.of(
            new Planned("a", "s", "d", 0, 10),
            new Planned("b", "s", "d", 0, 10),
            new Planned("c", "s", "d", 10, 10),
            new Planned("long", "s", "d", 10, 100));
    Replan replan =
        WaitingQueue.of(plan)
            .replan(
                List.of(
                    new Waiting("c", "s", "d", 10),
                    new Waiting("d", "s", "d", 10),
                    new Waiting("long", "s", "d", 100)),
                List.of(new Running("a", "s", "d", 5), new Running("b", "s", "d", 5)),
                List.of());

    assertThat(replan.order()).isEqualTo("longest first");
    assertThat(replan.vmOrder()).containsExactly("long", "c", "d");
    assertThat(replan.makespanSeconds()).isEqualTo(105);
  }

  @Test
  void aProgressReadingDepartsOnlyWhenSurelySlower() {
    // Early in a run progress says little: only the elapsed time counts.
    assertThat(new ProgressReading(20, 0, 0.2).lowerEstimateSeconds()).isEqualTo(20);
    // Half-way through the memory run after 100 s: at least 200 s in all.
    assertThat(new ProgressReading(100, 0, 0.5).lowerEstimateSeconds()).isEqualTo(200);
    // A second 0-to-1 run (memory after disks) is extrapolated from its own start.
    assertThat(new ProgressReading(150, 100, 0.5).lowerEstimateSeconds()).isEqualTo(200);
    assertThat(new ProgressReading(100, 0, 0.5).departsFrom(150)).isTrue();
    // Within 25 %: no departure.
    assertThat(new ProgressReading(100, 0, 0.5).departsFrom(160)).isFalse();
    // Beyond 25 % but by less than 30 s: noise.
    assertThat(new ProgressReading(10, 0, 0.5).departsFrom(10)).isFalse();
    // Faster than expected is never a departure.
    assertThat(new ProgressReading(10, 0, 0.9).departsFrom(300)).isFalse();
  }
}

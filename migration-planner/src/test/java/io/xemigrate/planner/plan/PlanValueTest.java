package io.xemigrate.planner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.xemigrate.planner.fixtures.Scenario;
import org.junit.jupiter.api.Test;

class PlanValueTest {

  @Test
  void aPlanSurvivesJsonAndKeepsItsHash() {
    Scenario scenario = Scenario.crossPool();
    scenario.src.sr("src-iso", sr -> sr.iso());
    scenario.src.vm("vm1").cd("iso1", "src-iso").snapshot("snap1", snap -> {});
    MigrationPlan plan = scenario.plan();

    MigrationPlan read = PlanJson.read(PlanJson.pretty(plan));

    assertThat(read).isEqualTo(plan);
    assertThat(PlanHash.of(read)).isEqualTo(PlanHash.of(plan)).startsWith("sha256:").hasSize(71);
  }

  @Test
  void thePlanRecordsItsSourceAndFormat() {
    MigrationPlan plan = Scenario.crossPool().plan();

    assertThat(plan.formatVersion()).isEqualTo(MigrationPlan.FORMAT_VERSION);
    assertThat(plan.source().poolUuid()).isEqualTo("src");
    assertThat(plan.source().eventToken()).isNotEmpty();
    assertThat(plan.source().capturedAt()).isEqualTo("2026-11-26T04:00:00Z");
    assertThat(PlanJson.canonical(plan)).contains("\"formatVersion\":1");
  }

  @Test
  void aChangeInTheInventoryChangesTheHash() {
    Scenario scenario = Scenario.crossPool();
    String before = PlanHash.of(scenario.plan());
    scenario.src.vm("vm1").memory(8L << 30);

    assertThat(PlanHash.of(scenario.plan())).isNotEqualTo(before);
  }

  @Test
  void theScheduleSeamReplacesOnlyTheSchedule() {
    MovePlan move = Scenario.crossPool().plan().moves().get(0);

    MovePlan scheduled =
        move.withSchedule(
            new MoveSchedule(2, 0, java.util.List.of("vm0"), 30, 120, 0.3, true, null, null));

    assertThat(move.schedule()).isEqualTo(MoveSchedule.unscheduled());
    assertThat(move.schedule().scheduled()).isFalse();
    assertThat(scheduled.schedule().sequence()).isEqualTo(2);
    assertThat(scheduled.withSchedule(MoveSchedule.unscheduled())).isEqualTo(move);
  }

  @Test
  void intervalsSurviveJsonAndPlansWithoutThemStillLoad() {
    MigrationPlan plain = Scenario.crossPool().plan();
    MovePlan move = plain.moves().get(0);
    MigrationPlan withIntervals =
        plain.withSchedule(
            java.util.List.of(
                move.withSchedule(
                    new MoveSchedule(0, 0, java.util.List.of(), 0, 120, 0.3, true, 100.0, 150.0))),
            new PlanSchedule("test", 120, 100, 0.3, 100.0, 150.0));
    MigrationPlan without =
        plain.withSchedule(
            java.util.List.of(
                move.withSchedule(
                    new MoveSchedule(0, 0, java.util.List.of(), 0, 120, 0.3, true, null, null))),
            new PlanSchedule("test", 120, 100, 0.3, null, null));

    MigrationPlan read = PlanJson.read(PlanJson.pretty(withIntervals));
    assertThat(read).isEqualTo(withIntervals);
    assertThat(read.moves().get(0).schedule().durationP90Seconds()).isEqualTo(150.0);
    assertThat(read.schedule().makespanP10Seconds()).isEqualTo(100.0);

    String old = PlanJson.canonical(without);
    assertThat(old).doesNotContain("P10", "P90");
    MigrationPlan readOld = PlanJson.read(old);
    assertThat(readOld).isEqualTo(without);
    assertThat(readOld.moves().get(0).schedule().hasInterval()).isFalse();
    assertThat(readOld.schedule().hasInterval()).isFalse();
  }

  @Test
  void aNewerFormatIsRefused() {
    String json =
        PlanJson.canonical(Scenario.crossPool().plan())
            .replace("\"formatVersion\":1", "\"formatVersion\":99");

    assertThatThrownBy(() -> PlanJson.read(json)).hasMessageContaining("newer");
    assertThatThrownBy(() -> PlanJson.read("{not json"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theTableShowsEachVmAndItsFindings() {
    Scenario scenario = Scenario.crossPool();
    scenario.src.vm("vm2", v -> v.on("s1").noTools().name("legacy"));
    scenario.request(
        new io.xemigrate.planner.MigrationRequest.MoveVms(java.util.List.of("vm1", "vm2"), ""));

    String table = PlanTable.render(scenario.plan());

    assertThat(table)
        .contains("Moves: 1 of 2 can go ahead.")
        .contains("vm1")
        .contains("migrate_send")
        .contains("legacy blocker VM_LACKS_FEATURE [vm2]")
        .contains("Transfer network: dst-migration (dedicated)");
  }
}

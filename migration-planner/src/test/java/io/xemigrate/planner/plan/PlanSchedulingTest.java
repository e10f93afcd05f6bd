package io.xemigrate.planner.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.planner.MigrationRequest;
import io.xemigrate.planner.fixtures.Scenario;
import io.xemigrate.planner.predict.CalibrationObservations;
import io.xemigrate.planner.predict.DirtyRateEstimator;
import io.xemigrate.planner.predict.MoveDemand;
import io.xemigrate.planner.predict.MoveDemands;
import io.xemigrate.planner.schedule.HostLink;
import io.xemigrate.planner.schedule.Schedule;
import io.xemigrate.planner.schedule.Scheduler;
import io.xemigrate.planner.schedule.SchedulerPolicy;
import io.xemigrate.planner.schedule.Topology;
import io.xemigrate.storage.estimate.DiskCopyEstimator;
import io.xemigrate.xapi.model.PoolInventory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A plan goes to the scheduler and comes back with each movable VM's place in the queue. */
class PlanSchedulingTest {

  @Test
  void movableVmsAreScheduledAndBlockedOnesAreNot() {
    Scenario scenario = Scenario.crossPool();
    scenario.src.vm("vm2", v -> v.on("s2").disk("disk2", "src-nfs", 8L << 30));
    scenario.src.vm("vm3", v -> v.on("s1").noTools());
    scenario.request(new MigrationRequest.MoveVms(List.of("vm1", "vm2", "vm3"), ""));
    var input = scenario.input();
    MigrationPlan plan = io.xemigrate.planner.MigrationPlanner.plan(input);

    List<MoveDemand> demands =
        PlanScheduling.demands(
            plan,
            input.source(),
            new MoveDemands(new DirtyRateEstimator(CalibrationObservations.none())));
    Schedule schedule =
        new Scheduler(topology(input.source(), input.destination()), SchedulerPolicy.defaults())
            .schedule(demands);
    MigrationPlan scheduled = PlanScheduling.attach(plan, schedule);

    assertThat(demands).extracting(MoveDemand::vmUuid).containsExactlyInAnyOrder("vm1", "vm2");
    assertThat(demands).allSatisfy(demand -> assertThat(demand.disks()).isNotEmpty());
    assertThat(scheduled.move("vm1").orElseThrow().schedule().scheduled()).isTrue();
    assertThat(scheduled.move("vm2").orElseThrow().schedule().durationSeconds()).isPositive();
    assertThat(scheduled.move("vm3").orElseThrow().schedule())
        .isEqualTo(MoveSchedule.unscheduled());
    assertThat(PlanJson.read(PlanJson.canonical(scheduled))).isEqualTo(scheduled);
    assertThat(PlanHash.of(scheduled)).isNotEqualTo(PlanHash.of(plan));
  }

  private static Topology topology(PoolInventory source, PoolInventory destination) {
    Map<String, HostLink> hosts = new HashMap<>();
    for (PoolInventory pool : List.of(source, destination)) {
      pool.hosts()
          .keySet()
          .forEach(host -> hosts.put(host, new HostLink(host, pool.pool().uuid(), 1.25e9)));
    }
    return new Topology(
        hosts, 1.25e9, DiskCopyEstimator.defaults(), CalibrationObservations.none());
  }
}

package io.xemigrate.tests.planning;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.coordinator.planning.PlanScheduler;
import io.xemigrate.coordinator.planning.PoolObservationsReader;
import io.xemigrate.planner.MigrationPlanner;
import io.xemigrate.planner.MigrationRequest;
import io.xemigrate.planner.Overrides;
import io.xemigrate.planner.PlanningInput;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.planner.plan.MoveSchedule;
import io.xemigrate.planner.plan.PlanJson;
import io.xemigrate.planner.plan.PlanSchedule;
import io.xemigrate.planner.predict.CalibrationObservations;
import io.xemigrate.planner.schedule.PoolObservations;
import io.xemigrate.simulator.Endpoints;
import io.xemigrate.simulator.Simulator;
import io.xemigrate.simulator.SimulatorOptions;
import io.xemigrate.simulator.scenario.ScenarioLoader;
import io.xemigrate.xapi.ClientSettings;
import io.xemigrate.xapi.PoolClient;
import io.xemigrate.xapi.Secret;
import io.xemigrate.xapi.TrustPolicy;
import io.xemigrate.xapi.XapiClients;
import io.xemigrate.xapi.model.PoolInventory;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link PlanScheduler} on the two-pools scenario read over XenAPI and RRD: no VM carries a dirty
 * rate hint, so every scheduled move gets a p10-p90 around its duration, the makespan gets one by
 * the latest start plus p10 (p90), and the load the RRDs showed never shortens the moves.
 */
class PlanIntervalsTest {
  private static Simulator simulator;
  private static PoolInventory poolA;
  private static PoolInventory poolB;
  private static PoolObservations observed;

  @BeforeAll
  static void load() {
    simulator =
        Simulator.start(
            ScenarioLoader.loadBundled("two-pools.yaml"), SimulatorOptions.manualClock());
    try (PoolClient a = connect("pool-a");
        PoolClient b = connect("pool-b")) {
      poolA = a.loadInventory();
      poolB = b.loadInventory();
      observed =
          PoolObservationsReader.read(a, poolA, PlanScheduler.OBSERVATION_WINDOW_SECONDS)
              .and(PoolObservationsReader.read(b, poolB, PlanScheduler.OBSERVATION_WINDOW_SECONDS));
    }
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  @Test
  void everyMoveWithAnUnknownDirtyRateCarriesAnIntervalAroundItsDuration() {
    MigrationPlan plan = schedule(observed);

    List<MoveSchedule> scheduled =
        plan.moves().stream().map(MovePlan::schedule).filter(MoveSchedule::scheduled).toList();
    assertThat(scheduled).isNotEmpty();
    assertThat((long) scheduled.size()).isEqualTo(plan.movableCount());
    assertThat(scheduled)
        .allSatisfy(
            s -> {
              assertThat(s.hasInterval()).isTrue();
              assertThat(s.durationP10Seconds()).isLessThanOrEqualTo(s.durationSeconds());
              assertThat(s.durationP90Seconds()).isGreaterThanOrEqualTo(s.durationSeconds());
              assertThat(s.durationP90Seconds()).isGreaterThan(s.durationP10Seconds());
            });
    PlanSchedule schedule = plan.schedule();
    assertThat(schedule.hasInterval()).isTrue();
    assertThat(schedule.makespanP90Seconds())
        .isEqualTo(
            scheduled.stream()
                .mapToDouble(s -> s.startSeconds() + s.durationP90Seconds())
                .max()
                .orElseThrow());
    assertThat(schedule.makespanP10Seconds())
        .isEqualTo(
            scheduled.stream()
                .mapToDouble(s -> s.startSeconds() + s.durationP10Seconds())
                .max()
                .orElseThrow());
  }

  @Test
  void observedLoadNeverShortensTheMoves() {
    // The NICs' traffic is taken off their speed; these moves are bound by SRs nobody measured,
    // which keep their default (no load is taken off an assumed figure).
    assertThat(schedule(observed).schedule().makespanSeconds())
        .isGreaterThanOrEqualTo(schedule(PoolObservations.none()).schedule().makespanSeconds());
  }

  @Test
  void theIntervalsSurviveThePlansJson() {
    MigrationPlan plan = schedule(observed);

    assertThat(PlanJson.read(PlanJson.pretty(plan))).isEqualTo(plan);
    assertThat(PlanJson.canonical(plan))
        .contains("\"durationP10Seconds\"", "\"makespanP90Seconds\"");
  }

  private static MigrationPlan schedule(PoolObservations observations) {
    List<String> vms =
        poolA.guests().stream()
            .filter(vm -> vm.nameLabel().startsWith("web-"))
            .map(vm -> vm.uuid())
            .toList();
    MigrationPlan plan =
        MigrationPlanner.plan(
            new PlanningInput(
                poolA, poolB, new MigrationRequest.MoveVms(vms, ""), Overrides.none()));
    return new PlanScheduler(CalibrationObservations.none())
        .schedule(plan, poolA, poolB, observations);
  }

  private static PoolClient connect(String name) {
    Endpoints.PoolEndpoint pool = simulator.endpoints().pool(name);
    Secret password = Secret.of(pool.password());
    return XapiClients.connect(
        ClientSettings.login(pool.master(), pool.username(), () -> password)
            .withTrust(TrustPolicy.pinned(pool.tlsFingerprint())));
  }
}

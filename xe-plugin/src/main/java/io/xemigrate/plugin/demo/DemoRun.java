package io.xemigrate.plugin.demo;

import com.google.common.collect.ImmutableList;
import io.xemigrate.coordinator.journal.Journal;
import io.xemigrate.coordinator.planning.PlanScheduler;
import io.xemigrate.coordinator.run.MoveResult;
import io.xemigrate.coordinator.run.PoolSide;
import io.xemigrate.coordinator.run.RunCoordinator;
import io.xemigrate.coordinator.run.RunListener;
import io.xemigrate.coordinator.run.RunOptions;
import io.xemigrate.coordinator.run.RunSummary;
import io.xemigrate.planner.MigrationPlanner;
import io.xemigrate.planner.MigrationRequest;
import io.xemigrate.planner.Overrides;
import io.xemigrate.planner.PlanningInput;
import io.xemigrate.planner.Severity;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.planner.plan.MoveSchedule;
import io.xemigrate.planner.plan.Verdict;
import io.xemigrate.planner.predict.CalibrationObservations;
import io.xemigrate.simulator.Endpoints;
import io.xemigrate.simulator.Simulator;
import io.xemigrate.simulator.SimulatorOptions;
import io.xemigrate.simulator.migration.MigrationExtension;
import io.xemigrate.simulator.migration.MigrationService;
import io.xemigrate.simulator.physics.MigrationTruth;
import io.xemigrate.simulator.scenario.Scenario;
import io.xemigrate.simulator.scenario.ScenarioLoader;
import io.xemigrate.xapi.ClientSettings;
import io.xemigrate.xapi.PoolClient;
import io.xemigrate.xapi.Secret;
import io.xemigrate.xapi.TrustPolicy;
import io.xemigrate.xapi.XapiClients;
import io.xemigrate.xapi.XapiEventListener;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.PowerState;
import io.xemigrate.xapi.model.Vm;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo end to end: the two-pools simulator in this process, then check, plan, schedule, apply
 * (with progress) and verify the evacuation of one host of pool-a into pool-b, and compare every
 * prediction with the simulator's recorded truth.
 */
public final class DemoRun {
  /** The host the demo evacuates: four movable VMs and three that the checks block. */
  public static final String HOST = "a2";

  private final double speed;
  private final Path journalFile;

  public DemoRun(double speed, Path journalFile) {
    this.speed = speed;
    this.journalFile = journalFile;
  }

  public DemoReport run(RunListener listener) {
    Scenario scenario = ScenarioLoader.loadBundled("two-pools.yaml");
    SimulatorOptions options = SimulatorOptions.atSpeed(speed);
    MigrationExtension migration = MigrationExtension.of(scenario, options.clock());
    try (MigrationExtension closesLast = migration;
        Simulator simulator = Simulator.start(scenario, options.withExtension(migration));
        PoolClient poolA = connect(simulator.endpoints().pool("pool-a"));
        PoolClient poolB = connect(simulator.endpoints().pool("pool-b"));
        Journal journal = Journal.open(journalFile, Clock.systemUTC())) {
      Clock clock = new VirtualTime(simulator.clock(), options.epoch());
      PoolSide source = PoolSide.open(poolA);
      PoolSide destination = PoolSide.open(poolB);
      PoolInventory sourceInventory = source.fresh();
      PoolInventory destinationInventory = destination.fresh();
      MigrationPlan plan =
          MigrationPlanner.plan(
              new PlanningInput(
                  sourceInventory,
                  destinationInventory,
                  new MigrationRequest.EvacuateHosts(List.of(HOST)),
                  Overrides.none()));
      MigrationPlan scheduled =
          new PlanScheduler(CalibrationObservations.none())
              .schedule(plan, sourceInventory, destinationInventory);
      RunCoordinator coordinator =
          new RunCoordinator(source, destination, journal, clock, listener, RunOptions.defaults());
      RunSummary summary = coordinator.apply("demo-1", scheduled);
      boolean verified = verify(scheduled, source.fresh(), destination.fresh());
      return report(scheduled, summary, migration.service(), verified);
    }
  }

  private static PoolClient connect(Endpoints.PoolEndpoint pool) {
    Secret password = Secret.of(pool.password());
    return XapiClients.connect(
        ClientSettings.login(pool.master(), pool.username(), () -> password)
            .withTrust(TrustPolicy.pinned(pool.tlsFingerprint()))
            .withListener(new XapiEventListener() {}));
  }

  /** Every moved VM runs once, on its planned host, and no longer in the source pool. */
  private static boolean verify(MigrationPlan plan, PoolInventory source, PoolInventory dest) {
    for (MovePlan move : plan.moves()) {
      if (move.verdict() != Verdict.OK) {
        continue;
      }
      Optional<Vm> there = dest.vm(move.vmUuid());
      boolean runsThere =
          there.isPresent()
              && there.get().powerState() == PowerState.RUNNING
              && there.get().residentOnHostUuid().equals(move.destinationHostUuid());
      if (!runsThere || source.vm(move.vmUuid()).isPresent()) {
        return false;
      }
    }
    return true;
  }

  private static DemoReport report(
      MigrationPlan scheduled, RunSummary summary, MigrationService service, boolean verified) {
    Map<String, MigrationTruth> truths = new HashMap<>();
    service.recorded().forEach(r -> truths.put(r.vmUuid(), r.truth()));
    Map<String, MoveSchedule> predicted = new HashMap<>();
    scheduled.moves().forEach(m -> predicted.put(m.vmUuid(), m.schedule()));
    ImmutableList.Builder<DemoReport.Moved> moves = ImmutableList.builder();
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (MoveResult result : summary.results()) {
      MoveSchedule p = predicted.get(result.vmUuid());
      MigrationTruth truth = truths.get(result.vmUuid());
      if (truth != null) {
        first = Math.min(first, truth.startedAtNanos());
        last = Math.max(last, truth.finishedAtNanos());
      }
      moves.add(
          new DemoReport.Moved(
              result.vmName(),
              p == null ? 0 : p.durationSeconds(),
              truth == null ? result.seconds() : truth.totalNanos() / 1e9,
              p == null ? 0 : p.downtimeSeconds() * 1000,
              truth == null ? 0 : truth.downtimeNanos() / 1e6,
              result.ok(),
              result.outcomeCode()));
    }
    ImmutableList<DemoReport.Blocked> blocked =
        scheduled.moves().stream()
            .filter(move -> move.verdict() == Verdict.BLOCKED)
            .map(
                move ->
                    new DemoReport.Blocked(
                        move.vmName(),
                        move.findings().stream()
                            .filter(f -> f.severity() == Severity.BLOCKER)
                            .map(f -> f.code())
                            .distinct()
                            .collect(ImmutableList.toImmutableList())))
            .collect(ImmutableList.toImmutableList());
    double makespan = first == Long.MAX_VALUE ? 0 : (last - first) / 1e9;
    return new DemoReport(
        HOST,
        moves.build(),
        blocked,
        makespan,
        scheduled.schedule().makespanSeconds(),
        scheduled.schedule().lowerBoundSeconds(),
        verified);
  }
}

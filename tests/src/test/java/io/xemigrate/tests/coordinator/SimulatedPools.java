package io.xemigrate.tests.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.coordinator.journal.Journal;
import io.xemigrate.coordinator.move.MovePhase;
import io.xemigrate.coordinator.move.MoveState;
import io.xemigrate.coordinator.planning.PlanScheduler;
import io.xemigrate.coordinator.run.PoolSide;
import io.xemigrate.coordinator.run.RunCoordinator;
import io.xemigrate.coordinator.run.RunListener;
import io.xemigrate.coordinator.run.RunOptions;
import io.xemigrate.planner.MigrationPlanner;
import io.xemigrate.planner.MigrationRequest;
import io.xemigrate.planner.Overrides;
import io.xemigrate.planner.PlanningInput;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.planner.plan.Verdict;
import io.xemigrate.planner.predict.CalibrationObservations;
import io.xemigrate.simulator.Endpoints;
import io.xemigrate.simulator.Simulator;
import io.xemigrate.simulator.SimulatorOptions;
import io.xemigrate.simulator.VirtualClock;
import io.xemigrate.simulator.migration.MigrationExtension;
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
import io.xemigrate.xapi.model.Vbd;
import io.xemigrate.xapi.model.Vif;
import io.xemigrate.xapi.model.Vm;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The two-pools simulator with the migration calls, in this process, on a clock running far faster
 * than real time (virtual time: nothing here sleeps), and the coordinator wired to it.
 */
final class SimulatedPools implements AutoCloseable {
  /** Five movable VMs of host a1, all sent by one host: xapi's three-slot limit matters. */
  static final List<String> FIVE_VMS = List.of("web-01", "web-02", "app-01", "cache-01", "db-02");

  static final double SPEED = 400;

  final MigrationExtension migration;
  final Simulator simulator;
  final VirtualClock clock;
  final PoolClient clientA;
  final PoolClient clientB;
  final PoolSide source;
  final PoolSide destination;
  final Journal journal;
  final PoolInventory sourceBefore;
  final PoolInventory destinationBefore;

  SimulatedPools(Path journalFile) {
    this(journalFile, SPEED);
  }

  /** At {@code speed} times real time (the fault matrix runs faster than the other tests). */
  SimulatedPools(Path journalFile, double speed) {
    Scenario scenario = ScenarioLoader.loadBundled("two-pools.yaml");
    SimulatorOptions options = SimulatorOptions.atSpeed(speed);
    clock = options.clock();
    migration = MigrationExtension.of(scenario, options.clock());
    simulator = Simulator.start(scenario, options.withExtension(migration));
    clientA = connect(simulator.endpoints().pool("pool-a"));
    clientB = connect(simulator.endpoints().pool("pool-b"));
    source = PoolSide.open(clientA);
    destination = PoolSide.open(clientB);
    journal = Journal.open(journalFile, Clock.systemUTC());
    sourceBefore = source.fresh();
    destinationBefore = destination.fresh();
  }

  private static PoolClient connect(Endpoints.PoolEndpoint pool) {
    Secret password = Secret.of(pool.password());
    return XapiClients.connect(
        ClientSettings.login(pool.master(), pool.username(), () -> password)
            .withTrust(TrustPolicy.pinned(pool.tlsFingerprint()))
            .withListener(new XapiEventListener() {}));
  }

  MigrationPlan planFive() {
    MigrationPlan plan =
        MigrationPlanner.plan(
            new PlanningInput(
                sourceBefore,
                destinationBefore,
                new MigrationRequest.MoveVms(FIVE_VMS, ""),
                Overrides.none()));
    assertThat(plan.movableCount()).isEqualTo(5);
    return new PlanScheduler(CalibrationObservations.none())
        .schedule(plan, sourceBefore, destinationBefore);
  }

  RunCoordinator coordinator(RunOptions options) {
    return coordinator(options, RunListener.none());
  }

  RunCoordinator coordinator(RunOptions options, RunListener listener) {
    return new RunCoordinator(source, destination, journal, Clock.systemUTC(), listener, options);
  }

  String uuidOf(String vmName) {
    return sourceBefore.guests().stream()
        .filter(vm -> vm.nameLabel().equals(vmName))
        .findFirst()
        .orElseThrow()
        .uuid();
  }

  /**
   * The invariants after any run: every VM of the plan runs exactly once; one whose journaled move
   * SUCCEEDED runs on its planned host with every VIF attached and its MAC, and left no record in
   * the source pool; one that did not still runs on its source. No disk is left without a VBD.
   */
  void assertInvariants(MigrationPlan plan, String runId) {
    assertInvariants(plan, runId, false);
  }

  /**
   * As above; with {@code haltedLeftovers}, a halted record left on the source by a move that in
   * fact succeeded (xapi's failed final handshake) is accepted: that is what {@code cleanup} is for
   * ({@code CleanupTest}).
   */
  void assertInvariants(MigrationPlan plan, String runId, boolean haltedLeftovers) {
    PoolInventory a = source.fresh();
    PoolInventory b = destination.fresh();
    Map<String, MoveState> journaled =
        journal.moves(runId).stream()
            .collect(Collectors.toMap(MoveState::vmUuid, Function.identity()));
    for (MovePlan move : plan.moves()) {
      if (move.verdict() != Verdict.OK) {
        continue;
      }
      Optional<Vm> atA = a.vm(move.vmUuid()).filter(vm -> vm.powerState() == PowerState.RUNNING);
      Optional<Vm> atB = b.vm(move.vmUuid()).filter(vm -> vm.powerState() == PowerState.RUNNING);
      assertThat(atA.isPresent() ^ atB.isPresent())
          .as("%s runs exactly once", move.vmName())
          .isTrue();
      MoveState state = journaled.get(move.vmUuid());
      if (state.phase() == MovePhase.SUCCEEDED || state.phase() == MovePhase.SKIPPED) {
        Vm vm = atB.orElseThrow();
        assertThat(vm.residentOnHostUuid()).isEqualTo(move.destinationHostUuid());
        assertThat(b.vifsOf(vm)).allMatch(Vif::currentlyAttached);
        Set<String> macs = b.vifsOf(vm).stream().map(Vif::mac).collect(Collectors.toSet());
        move.nics().stream()
            .filter(nic -> !nic.snapshot())
            .forEach(nic -> assertThat(macs).contains(nic.mac()));
        if (haltedLeftovers) {
          assertThat(a.vm(move.vmUuid()).map(Vm::powerState).orElse(PowerState.HALTED))
              .as("%s left running on the source", move.vmName())
              .isEqualTo(PowerState.HALTED);
        } else {
          assertThat(a.vm(move.vmUuid())).as("%s left on the source", move.vmName()).isEmpty();
        }
      } else {
        assertThat(state.phase()).as("%s journaled", move.vmName()).isEqualTo(MovePhase.FAILED);
        assertThat(atA).as("%s back on its source", move.vmName()).isPresent();
        assertThat(b.vm(move.vmUuid())).as("%s left on the destination", move.vmName()).isEmpty();
      }
    }
    assertThat(orphanDisks(b)).isEqualTo(orphanDisks(destinationBefore));
  }

  /** VDIs that no VBD uses: what a failed copy leaves behind. */
  static long orphanDisks(PoolInventory pool) {
    Set<String> used = pool.vbds().values().stream().map(Vbd::vdiUuid).collect(Collectors.toSet());
    return pool.vdis().values().stream()
        .filter(vdi -> !vdi.isASnapshot() && !used.contains(vdi.uuid()))
        .filter(vdi -> vdi.type().equals("user"))
        .count();
  }

  @Override
  public void close() {
    journal.close();
    clientA.close();
    clientB.close();
    simulator.close();
    migration.close();
  }
}

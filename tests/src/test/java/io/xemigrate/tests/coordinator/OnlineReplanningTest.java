package io.xemigrate.tests.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.coordinator.journal.Journal;
import io.xemigrate.coordinator.journal.RunRecord.RunStatus;
import io.xemigrate.coordinator.journal.StepRecord;
import io.xemigrate.coordinator.move.MoveAction;
import io.xemigrate.coordinator.move.MoveState;
import io.xemigrate.coordinator.planning.PlanScheduler;
import io.xemigrate.coordinator.run.PoolSide;
import io.xemigrate.coordinator.run.RunCoordinator;
import io.xemigrate.coordinator.run.RunListener;
import io.xemigrate.coordinator.run.RunOptions;
import io.xemigrate.coordinator.run.RunSummary;
import io.xemigrate.planner.MigrationPlanner;
import io.xemigrate.planner.MigrationRequest;
import io.xemigrate.planner.Overrides;
import io.xemigrate.planner.PlanningInput;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.planner.predict.CalibrationObservations;
import io.xemigrate.simulator.Endpoints;
import io.xemigrate.simulator.Simulator;
import io.xemigrate.simulator.SimulatorOptions;
import io.xemigrate.simulator.VirtualClock;
import io.xemigrate.simulator.migration.ControlServer;
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
import io.xemigrate.xapi.model.Vm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Online re-planning, end to end: runs against the simulator over HTTPS, on its virtual clock (the
 * run's clock), of a plan made from what the pool shows (every guest carries an operator's hint
 * equal to its truth, so the plan holds). hot-01 (s1 to d1) is followed on s1 by three quiet VMs;
 * fourteen 4 GiB VMs go from s2 to d2 meanwhile, one at a time (the 2 Gbit/s link is one stream),
 * and the plan interleaves the two queues by predicted start. Doubling hot-01's true dirty rate as
 * its migration is sent makes it run more than twice as long as planned: the run sees it in the
 * task's progress and re-plans. The s2 queue (about 275 s) outlasts that sighting by a wide margin
 * (hot-01's estimate must pass the plan's 117 s by 30 s first), so s2 moves the plan had after a
 * quiet VM are still waiting then and must go first; with 2 GiB VMs the s2 queue had all started
 * before it, only quiet VMs of one host pair were left, and no order could change.
 */
class OnlineReplanningTest {
  private static final double SPEED = 20;

  /**
   * The run that must not re-plan goes slower: a progress event the coordinator sees late looks
   * like a slower move, and at 10x a lag of about 1.5 s of real time would be needed to pass the 30
   * s floor.
   */
  private static final double STEADY_SPEED = 10;

  private static final List<String> TO_D1 = List.of("hot-01", "quiet-01", "quiet-02", "quiet-03");
  private static final List<String> TO_D2 =
      java.util.stream.IntStream.rangeClosed(1, 14)
          .mapToObj(i -> String.format(java.util.Locale.ROOT, "other-%02d", i))
          .toList();

  @TempDir Path dir;

  @Test
  void aVmWhoseTrueDirtyRateDoublesDuringTheRunReordersTheWaitingQueue() {
    try (World world = new World(dir.resolve("journal.db"), SPEED)) {
      MigrationPlan plan = world.plan();
      String hot = world.uuidOf("hot-01");
      List<List<String>> told = new ArrayList<>();
      RunListener listener =
          new RunListener() {
            @Override
            public void actionStarting(MovePlan move, MoveState state, MoveAction action) {
              // hot-01 starts writing twice as fast the moment its migration is sent.
              if (move.vmUuid().equals(hot) && action instanceof MoveAction.StartMigration) {
                world.doubleDirtyRate(hot);
              }
            }

            @Override
            public void replanned(
                MovePlan cause, double expected, List<MovePlan> before, List<MovePlan> after) {
              told.add(after.stream().map(MovePlan::vmName).toList());
            }
          };

      RunSummary summary = world.coordinator(listener).apply("run-doubled", plan);

      assertThat(summary.status()).isEqualTo(RunStatus.SUCCEEDED);
      List<StepRecord> replans = replans(world.journal, "run-doubled");
      assertThat(replans).isNotEmpty().allMatch(step -> step.vmUuid().equals(hot));
      // The first re-plan starts from the plan's own order of the moves still waiting.
      List<String> firstWas = listed(replans.get(0), "was");
      assertThat(firstWas).isEqualTo(planOrder(plan, firstWas));
      // ... and some re-plan put a move that the plan had after another ahead of it.
      assertThat(replans).anyMatch(step -> !listed(step, "order now").equals(listed(step, "was")));
      assertThat(told).hasSize(replans.size());
      assertThat(told.get(0)).isEqualTo(listed(replans.get(0), "order now"));
      world.assertEveryVmMovedOnce(plan, "run-doubled");
    }
  }

  @Test
  void aRunThatKeepsToThePlanIsNotReplanned() {
    try (World world = new World(dir.resolve("journal.db"), STEADY_SPEED)) {
      MigrationPlan plan = world.plan();

      RunSummary summary = world.coordinator(RunListener.none()).apply("run-steady", plan);

      assertThat(summary.status()).isEqualTo(RunStatus.SUCCEEDED);
      assertThat(replans(world.journal, "run-steady")).isEmpty();
      world.assertEveryVmMovedOnce(plan, "run-steady");
    }
  }

  private static List<StepRecord> replans(Journal journal, String runId) {
    return journal.steps(runId).stream().filter(step -> step.action().equals("Replan")).toList();
  }

  /**
   * The VM names a re-plan's note lists after {@code label}: {@code hot-01 expected 181 s (plan 117
   * s); order now a, b; was b, a}.
   */
  private static List<String> listed(StepRecord step, String label) {
    String detail = step.detail();
    String orderNow = detail.substring(detail.indexOf("; order now ") + "; order now ".length());
    String[] parts = orderNow.split("; was ", 2);
    return List.of((label.equals("was") ? parts[1] : parts[0]).split(", "));
  }

  /** {@code names} in the order of the plan's queue. */
  private static List<String> planOrder(MigrationPlan plan, List<String> names) {
    return plan.moves().stream()
        .filter(move -> names.contains(move.vmName()))
        .sorted(Comparator.comparingInt(move -> move.schedule().sequence()))
        .map(MovePlan::vmName)
        .toList();
  }

  /** One simulator serving the scenario, both clients, the journal and the control endpoint. */
  private static final class World implements AutoCloseable {
    final MigrationExtension migration;
    final Simulator simulator;
    final ControlServer control;
    final VirtualClock clock;
    final PoolClient client;
    final PoolSide pool;
    final Journal journal;
    final PoolInventory before;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    World(Path journalFile, double speed) {
      Scenario scenario = ScenarioLoader.load(resource("/online/online-replan.yaml"));
      SimulatorOptions options = SimulatorOptions.atSpeed(speed);
      clock = options.clock();
      migration = MigrationExtension.of(scenario, options.clock());
      simulator = Simulator.start(scenario, options.withExtension(migration));
      try {
        control = ControlServer.start(migration.service());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      client = connect(simulator.endpoints().pool("online"));
      pool = PoolSide.open(client);
      journal = Journal.open(journalFile, Clock.systemUTC());
      before = pool.fresh();
    }

    private static Path resource(String name) {
      try {
        return Path.of(OnlineReplanningTest.class.getResource(name).toURI());
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }

    private static PoolClient connect(Endpoints.PoolEndpoint endpoint) {
      Secret password = Secret.of(endpoint.password());
      return XapiClients.connect(
          ClientSettings.login(endpoint.master(), endpoint.username(), () -> password)
              .withTrust(TrustPolicy.pinned(endpoint.tlsFingerprint()))
              .withListener(new XapiEventListener() {}));
    }

    /** hot-01 and three quiet VMs from s1 to d1, fourteen others from s2 to d2, planned as one. */
    MigrationPlan plan() {
      List<MovePlan> moves = new ArrayList<>();
      for (var group : List.of(Map.entry(TO_D1, "d1"), Map.entry(TO_D2, "d2"))) {
        MigrationPlan part =
            MigrationPlanner.plan(
                new PlanningInput(
                    before,
                    before,
                    new MigrationRequest.MoveVms(group.getKey(), group.getValue()),
                    Overrides.none()));
        assertThat(part.movableCount()).isEqualTo(group.getKey().size());
        moves.addAll(part.moves());
      }
      moves.sort(Comparator.comparing(MovePlan::vmUuid));
      MigrationPlan first =
          MigrationPlanner.plan(
              new PlanningInput(
                  before, before, new MigrationRequest.MoveVms(TO_D1, "d1"), Overrides.none()));
      return new PlanScheduler(CalibrationObservations.none())
          .schedule(first.withMoves(moves), before, before);
    }

    RunCoordinator coordinator(RunListener listener) {
      return new RunCoordinator(
          pool, pool, journal, virtualClock(), listener, RunOptions.defaults());
    }

    /** The run's clock: the simulator's virtual time. */
    Clock virtualClock() {
      return new Clock() {
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
          return SimulatorOptions.DEFAULT_EPOCH.plusNanos(clock.nanos());
        }
      };
    }

    String uuidOf(String name) {
      return before.guests().stream()
          .filter(vm -> vm.nameLabel().equals(name))
          .findFirst()
          .orElseThrow()
          .uuid();
    }

    /**
     * Every VM of the plan was sent once (one journaled StartMigration) and now runs once, on its
     * planned host.
     */
    void assertEveryVmMovedOnce(MigrationPlan plan, String runId) {
      Map<String, Long> sent =
          journal.steps(runId).stream()
              .filter(step -> step.action().equals("StartMigration"))
              .collect(Collectors.groupingBy(StepRecord::vmUuid, Collectors.counting()));
      PoolInventory after = pool.fresh();
      for (MovePlan move : plan.moves()) {
        assertThat(sent.get(move.vmUuid())).as("%s sent", move.vmName()).isEqualTo(1L);
        List<Vm> running =
            after.guests().stream()
                .filter(vm -> vm.uuid().equals(move.vmUuid()))
                .filter(vm -> vm.powerState() == PowerState.RUNNING)
                .toList();
        assertThat(running).as("%s runs once", move.vmName()).hasSize(1);
        assertThat(running.get(0).residentOnHostUuid()).isEqualTo(move.destinationHostUuid());
      }
      assertThat(sent).hasSize(plan.moves().size());
    }

    void doubleDirtyRate(String vmUuid) {
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create(control.url() + "/sim/workloads/dirty"))
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"vm\":\"" + vmUuid + "\",\"factor\":2.0}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(202);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void close() {
      journal.close();
      client.close();
      control.close();
      simulator.close();
      migration.close();
    }
  }
}

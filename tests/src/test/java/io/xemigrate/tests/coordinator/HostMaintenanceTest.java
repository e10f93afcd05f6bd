package io.xemigrate.tests.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.xemigrate.coordinator.journal.DataDirectory;
import io.xemigrate.coordinator.journal.RunHost;
import io.xemigrate.coordinator.journal.RunHost.HostState;
import io.xemigrate.coordinator.journal.RunRecord;
import io.xemigrate.coordinator.journal.RunRecord.RunStatus;
import io.xemigrate.coordinator.run.HostMaintenance;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.planner.plan.PlanJson;
import io.xemigrate.planner.plan.Verdict;
import io.xemigrate.tests.cli.CliProcess;
import io.xemigrate.xapi.CancellationSignal;
import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.PowerState;
import io.xemigrate.xapi.model.Vm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code host-evacuate ... maintenance=true}, then {@code host-restore}, and {@code host-evacuate}
 * without maintenance, as processes against the in-process simulator.
 */
class HostMaintenanceTest {
  @TempDir Path dir;

  @Test
  void maintenanceKeepsTheHostDisabledAndHostRestoreBringsTheVmsBack() throws IOException {
    Path data = dir.resolve("data");
    try (SimulatedPools pools = new SimulatedPools(DataDirectory.journal(data))) {
      Path endpoints = dir.resolve("endpoints.json");
      pools.simulator.writeEndpoints(endpoints);
      CliProcess cli = new CliProcess(Files.createDirectories(dir.resolve("config")), data);
      String a3 = hostUuid(pools.sourceBefore, "a3");

      CliProcess.Result evacuated =
          cli.run(
              "host-evacuate",
              "host=a3",
              "destination=pool-b",
              "maintenance=true",
              "yes=true",
              "pools=" + endpoints);

      // a3 holds VMs the checks block: the others move, exit 3 says some stayed.
      assertThat(evacuated.exitCode()).as(evacuated.err()).isEqualTo(3);
      assertThat(evacuated.out()).contains("left disabled in maintenance mode");
      RunRecord run = pools.journal.runs().get(0);
      assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
      Host disabled = pools.source.fresh().host(a3).orElseThrow();
      assertThat(disabled.enabled()).isFalse();
      assertThat(disabled.otherConfig())
          .containsEntry(HostMaintenance.MAINTENANCE_MODE, "true")
          .containsEntry(HostMaintenance.RUN_KEY, run.runId());
      assertThat(pools.journal.hosts(run.runId()))
          .containsExactly(
              new RunHost(
                  run.runId(), pools.sourceBefore.pool().uuid(), a3, HostState.MAINTENANCE));
      CliProcess.Result shown = cli.run("run-show", "run=" + run.runId(), "--json");
      assertThat(shown.exitCode()).as(shown.err()).isZero();
      assertThat(shown.out())
          .contains("\"hosts\":[{\"host\":\"" + a3 + "\",\"state\":\"MAINTENANCE\"}]");
      List<MovePlan> moved =
          PlanJson.read(run.planJson()).moves().stream()
              .filter(move -> move.verdict() == Verdict.OK)
              .toList();
      assertThat(moved).hasSizeGreaterThan(1);
      // Someone shuts one moved VM down in the destination: it moved since, it stays.
      MovePlan shutDown = moved.get(0);
      pools.clientB.awaitTask(
          pools.clientB.shutdownVm(shutDown.vmUuid(), false),
          progress -> {},
          CancellationSignal.never(),
          Duration.ofSeconds(5));

      CliProcess.Result restored =
          cli.run("host-restore", "run=" + run.runId(), "yes=true", "pools=" + endpoints);

      assertThat(restored.exitCode()).as(restored.err()).isEqualTo(3);
      assertThat(restored.out())
          .contains("not moved back: " + shutDown.vmName() + ": moved since the run");
      PoolInventory a = pools.source.fresh();
      for (MovePlan move : moved.subList(1, moved.size())) {
        Vm vm = a.vm(move.vmUuid()).orElseThrow();
        assertThat(vm.powerState()).isEqualTo(PowerState.RUNNING);
        assertThat(vm.residentOnHostUuid()).as(move.vmName()).isEqualTo(a3);
        assertThat(pools.destination.fresh().vm(move.vmUuid())).isEmpty();
      }
      Host enabled = a.host(a3).orElseThrow();
      assertThat(enabled.enabled()).isTrue();
      assertThat(enabled.otherConfig())
          .doesNotContainKeys(HostMaintenance.MAINTENANCE_MODE, HostMaintenance.RUN_KEY);
      assertThat(pools.journal.hosts(run.runId()))
          .extracting(RunHost::state)
          .containsExactly(HostState.ENABLED);
      RunRecord back = pools.journal.runs().get(0);
      assertThat(back.status()).isEqualTo(RunStatus.SUCCEEDED);
      MigrationPlan restorePlan = PlanJson.read(back.planJson());
      assertThat(restorePlan.request()).isEqualTo("restore run " + run.runId());
      assertThat(restorePlan.movableCount()).isEqualTo(moved.size() - 1);
    }
  }

  @Test
  void withoutMaintenanceTheHostIsEnabledAgainAndHostRestoreRefusesBadRuns() throws IOException {
    Path data = dir.resolve("data");
    try (SimulatedPools pools = new SimulatedPools(DataDirectory.journal(data))) {
      Path endpoints = dir.resolve("endpoints.json");
      pools.simulator.writeEndpoints(endpoints);
      CliProcess cli = new CliProcess(Files.createDirectories(dir.resolve("config")), data);
      String a2 = hostUuid(pools.sourceBefore, "a2");
      pools.journal.startRun("run-open", "sha256:abc", "{}", List.of());

      CliProcess.Result evacuated =
          cli.run("host-evacuate", "host=a2", "yes=true", "pools=" + endpoints);
      CliProcess.Result unknown = cli.run("host-restore", "run=run-nope", "pools=" + endpoints);
      CliProcess.Result open = cli.run("host-restore", "run=run-open", "pools=" + endpoints);

      assertThat(evacuated.exitCode()).as(evacuated.err()).isIn(0, 3);
      assertThat(evacuated.out()).contains("host=a2 enabled again");
      RunRecord run =
          pools.journal.runs().stream()
              .filter(r -> !r.runId().equals("run-open"))
              .findFirst()
              .orElseThrow();
      assertThat(pools.source.fresh().host(a2).orElseThrow().enabled()).isTrue();
      assertThat(pools.source.fresh().residentOn(a2))
          .extracting(Vm::nameLabel)
          .doesNotContainAnyElementsOf(
              PlanJson.read(run.planJson()).moves().stream()
                  .filter(move -> move.verdict() == Verdict.OK)
                  .map(MovePlan::vmName)
                  .toList());
      assertThat(pools.journal.hosts(run.runId()))
          .containsExactly(
              new RunHost(run.runId(), pools.sourceBefore.pool().uuid(), a2, HostState.ENABLED));

      // Inside one pool, host-restore moves them back all the same.
      CliProcess.Result restored =
          cli.run("host-restore", "run=" + run.runId(), "yes=true", "pools=" + endpoints);

      assertThat(restored.exitCode()).as(restored.err()).isZero();
      assertThat(pools.source.fresh().residentOn(a2))
          .extracting(Vm::uuid)
          .containsAll(
              PlanJson.read(run.planJson()).moves().stream()
                  .filter(move -> move.verdict() == Verdict.OK)
                  .map(MovePlan::vmUuid)
                  .toList());
      assertThat(unknown.exitCode()).isEqualTo(2);
      assertThat(errors(unknown)).singleElement().asString().contains("unknown run 'run-nope'");
      assertThat(open.exitCode()).isEqualTo(2);
      assertThat(errors(open)).singleElement().asString().contains("run-open' in run= is running");
    }
  }

  private static String hostUuid(PoolInventory pool, String name) {
    return pool.hosts().values().stream()
        .filter(host -> host.nameLabel().equals(name))
        .findFirst()
        .orElseThrow()
        .uuid();
  }

  /** sqlite-jdbc's SLF4J notice (no provider on this class path) is not ours to count. */
  static List<String> errors(CliProcess.Result result) {
    return result.errLines().stream().filter(line -> !line.startsWith("SLF4J")).toList();
  }
}

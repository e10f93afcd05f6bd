package io.xemigrate.tests.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import io.xemigrate.coordinator.batch.BatchRun;
import io.xemigrate.coordinator.batch.BatchService;
import io.xemigrate.coordinator.batch.PoolGate;
import io.xemigrate.coordinator.journal.Journal;
import io.xemigrate.coordinator.journal.RunRecord;
import io.xemigrate.coordinator.journal.RunRecord.RunStatus;
import io.xemigrate.coordinator.journal.StepRecord;
import io.xemigrate.coordinator.pools.ConfigPaths;
import io.xemigrate.coordinator.pools.PoolConnector;
import io.xemigrate.coordinator.pools.PoolDirectory;
import io.xemigrate.coordinator.pools.PoolProfile;
import io.xemigrate.coordinator.run.RunSummary;
import io.xemigrate.planner.MigrationRequest;
import io.xemigrate.planner.Overrides;
import io.xemigrate.planner.PlanningInput;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.planner.plan.PlanJson;
import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.PoolInventory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The batch every entry point runs in the one-service tests: evacuate host {@value #HOST} of pool-a
 * of the two-pools simulator into pool-b (four VMs move, three are blocked by the checks). The
 * reference is the same batch run straight through the {@link BatchService}; an entry point passes
 * when its run journals the same steps.
 */
public final class OneBatch {
  /** The host evacuated. */
  public static final String HOST = "a2";

  /**
   * Actions whose number depends on how often the coordinator looked (timing), not on what it did,
   * and re-plans (they follow the moves' pace): left out of the comparison.
   */
  private static final Set<String> POLLING =
      Set.of("Observe", "WatchTask", "WaitForSlot", "Replan");

  private OneBatch() {}

  /** The steps of the batch run straight through the service, in a fresh simulator. */
  public static Map<String, List<String>> reference(Path dir) {
    try (SimulatedPools pools =
        new SimulatedPools(Files.createDirectories(dir).resolve("journal.db"))) {
      Path endpoints = dir.resolve("endpoints.json");
      pools.simulator.writeEndpoints(endpoints);
      PoolDirectory directory = PoolDirectory.load(endpoints);
      PoolProfile a = directory.resolve("pool-a", "source");
      PoolProfile b = directory.resolve("pool-b", "destination");
      BatchService batches =
          new BatchService(
              new PoolConnector(new ConfigPaths(dir.resolve("config")), Map.of(), warning -> {}),
              pools.journal,
              Clock.systemUTC());
      String host = hostUuid(pools.sourceBefore);
      MigrationPlan plan =
          batches.plan(
              new PlanningInput(
                  pools.sourceBefore,
                  pools.destinationBefore,
                  new MigrationRequest.EvacuateHosts(ImmutableList.of(host)),
                  Overrides.none()));
      RunSummary summary =
          batches.run(
              BatchRun.of("reference", plan, a, b)
                  .withHostsToDisable(ImmutableList.of(host), false),
              PoolGate.none());
      assertThat(summary.status()).isEqualTo(RunStatus.SUCCEEDED);
      Map<String, List<String>> steps = steps(pools.journal, "reference");
      // Four VMs move (three are blocked and journal nothing), and a2 was held and enabled again.
      assertThat(steps).hasSize(5);
      assertThat(steps.get("hosts")).singleElement().asString().endsWith(" ENABLED");
      return steps;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The only run in {@code journalFile}, which must have SUCCEEDED, and its steps. */
  public static Map<String, List<String>> onlyRun(Path journalFile) {
    try (Journal journal = Journal.open(journalFile, Clock.systemUTC())) {
      assertThat(journal.runs()).hasSize(1);
      RunRecord run = journal.runs().get(0);
      assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
      return steps(journal, run.runId());
    }
  }

  /**
   * Per VM name, its journaled steps ({@code phase action stage}) in order, polling left out, and
   * one entry {@code "hosts"} with the hosts the run held and how it left them.
   */
  static Map<String, List<String>> steps(Journal journal, String runId) {
    MigrationPlan plan = PlanJson.read(journal.run(runId).orElseThrow().planJson());
    Map<String, String> names = new TreeMap<>();
    for (MovePlan move : plan.moves()) {
      names.put(move.vmUuid(), move.vmName());
    }
    Map<String, List<String>> steps = new TreeMap<>();
    for (StepRecord step : journal.steps(runId)) {
      if (POLLING.contains(step.action())) {
        continue;
      }
      steps
          .computeIfAbsent(names.get(step.vmUuid()), vm -> new ArrayList<>())
          .add(step.phase() + " " + step.action() + " " + step.stage());
    }
    steps.put(
        "hosts",
        journal.hosts(runId).stream().map(h -> h.hostUuid() + " " + h.state()).sorted().toList());
    return steps;
  }

  private static String hostUuid(PoolInventory pool) {
    return pool.hosts().values().stream()
        .filter(host -> host.nameLabel().equals(HOST))
        .map(Host::uuid)
        .findFirst()
        .orElseThrow();
  }
}

package io.xemigrate.daemon;

import com.google.common.collect.ImmutableList;
import io.xemigrate.coordinator.batch.BatchService;
import io.xemigrate.coordinator.journal.Journal;
import io.xemigrate.coordinator.journal.RunHost;
import io.xemigrate.coordinator.planning.RestorePlanning;
import io.xemigrate.coordinator.pools.PoolConnector;
import io.xemigrate.coordinator.pools.PoolProfile;
import io.xemigrate.coordinator.run.HostMaintenance;
import io.xemigrate.planner.plan.InventoryIdentity;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.PlanJson;
import io.xemigrate.xapi.model.PoolInventory;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Plans a restore job as {@code host-restore} does ({@link RestorePlanning}), for the restored
 * job's last applied run: its SUCCEEDED moves still running where the run put them go back to the
 * hosts they left, with the run's maps reversed. The hosts that run still holds in the journal are
 * planned as enabled; the executor enables them ({@link HostMaintenance#release}) right before the
 * moves back. VMs left where they are become notes of the job run's detail.
 */
final class JobRestore {
  /** The run a restore undoes: its job run and its plan. */
  record Evacuation(JobRunRecord run, MigrationPlan plan) {}

  private final JobPlanner planner;
  private final PoolConnector connector;
  private final JobStore store;

  JobRestore(JobPlanner planner, PoolConnector connector, JobStore store) {
    this.planner = planner;
    this.connector = connector;
    this.store = store;
  }

  Optional<Evacuation> last(JobSpec restore, Journal journal) {
    Optional<JobRunRecord> run = store.lastApplied(restore.restoreJob());
    if (run.isEmpty()) {
      return Optional.empty();
    }
    return journal
        .run(run.get().runId())
        .map(record -> new Evacuation(run.get(), PlanJson.read(record.planJson())));
  }

  /** The pools a restore acts on (for the lease): both pools of the evacuation. */
  static Set<String> pools(Evacuation evacuation) {
    return new TreeSet<>(
        List.of(evacuation.plan().source().poolUuid(), evacuation.plan().destination().poolUuid()));
  }

  JobPlan plan(JobSpec spec, Journal journal, BatchService batches) {
    Evacuation evacuation =
        last(spec, journal)
            .orElseThrow(
                () ->
                    new JobRunException(
                        "nothing to restore: job '"
                            + spec.restoreJob()
                            + "' has no applied run in the journal"));
    String runId = evacuation.run().runId();
    MigrationPlan evacuated = evacuation.plan();
    // Back from where the VMs went (away) to where they came from (home).
    PoolProfile away = profile(evacuated.destination(), spec);
    PoolProfile home = profile(evacuated.source(), spec);
    PoolInventory awayInventory = connector.loadInventory(away);
    PoolInventory homeInventory =
        evacuated.intraPool() ? awayInventory : connector.loadInventory(home);
    Set<String> held =
        HostMaintenance.held(runId, journal).stream()
            .map(RunHost::hostUuid)
            .collect(Collectors.toSet());
    RestorePlanning.Restore restore =
        RestorePlanning.plan(
            runId, evacuated, journal.moves(runId), held, awayInventory, homeInventory);
    ImmutableList<String> notes =
        restore.skipped().stream()
            .map(skipped -> "not moved back: " + skipped.vmName() + ": " + skipped.reason())
            .collect(ImmutableList.toImmutableList());
    return new JobPlan(
        restore.plan().map(plan -> batches.schedule(plan, awayInventory, homeInventory)),
        away,
        home,
        ImmutableList.of(),
        Optional.of(runId),
        notes);
  }

  private PoolProfile profile(InventoryIdentity identity, JobSpec spec) {
    try {
      return planner.pool(identity.poolUuid(), "restored", spec.name());
    } catch (JobRunException byUuid) {
      return planner.pool(identity.poolName(), "restored", spec.name());
    }
  }
}

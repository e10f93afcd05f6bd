package io.xemigrate.plugin.daemon;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import io.xemigrate.planner.MigrationRequest;
import io.xemigrate.planner.Overrides;
import io.xemigrate.planner.plan.InventoryIdentity;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.MovePlan;
import io.xemigrate.planner.plan.PlanJson;
import io.xemigrate.plugin.coordinator.MovePhase;
import io.xemigrate.plugin.coordinator.MoveState;
import io.xemigrate.plugin.journal.Journal;
import io.xemigrate.plugin.pools.PoolConnector;
import io.xemigrate.plugin.pools.PoolProfile;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.PowerState;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Plans a restore job: the VMs that the restored job's last applied run moved (journaled SUCCEEDED)
 * and that still run in its destination pool go back to the hosts they left, which are enabled
 * again first (they are the restore's destination). Planned from the journal's run, so it works
 * whether or not those hosts are still disabled.
 *
 * <p>Limitation: when the evacuation emptied several hosts, the planner chooses among them for each
 * VM (the hosts are the only allowed destinations), so a VM may come back to another of the hosts
 * it was evacuated with.
 */
final class JobRestore {
  /** The run a restore undoes: its job run, its plan, and the VMs it moved. */
  record Evacuation(JobRunRecord run, MigrationPlan plan, ImmutableList<String> movedVms) {}

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
        .map(
            record -> {
              ImmutableList<String> moved =
                  journal.moves(record.runId()).stream()
                      .filter(move -> move.phase() == MovePhase.SUCCEEDED)
                      .map(MoveState::vmUuid)
                      .collect(ImmutableList.toImmutableList());
              return new Evacuation(run.get(), PlanJson.read(record.planJson()), moved);
            });
  }

  /** The pools a restore acts on (for the lease): both pools of the evacuation. */
  static Set<String> pools(Evacuation evacuation) {
    return new TreeSet<>(
        List.of(evacuation.plan().source().poolUuid(), evacuation.plan().destination().poolUuid()));
  }

  JobPlan plan(JobSpec spec, Journal journal) {
    Evacuation evacuation =
        last(spec, journal)
            .orElseThrow(
                () ->
                    new JobRunException(
                        "nothing to restore: job '"
                            + spec.restoreJob()
                            + "' has no applied run in the journal"));
    MigrationPlan evacuated = evacuation.plan();
    // Back from where the VMs went to where they came from.
    PoolProfile source = profile(evacuated.destination(), spec);
    PoolProfile destination = profile(evacuated.source(), spec);
    List<String> disabled =
        Splitter.on(',').omitEmptyStrings().splitToList(evacuation.run().hosts());
    connector.withClient(
        destination,
        client -> {
          disabled.forEach(client::enableHost);
          return null;
        });
    PoolInventory sourceInventory = connector.loadInventory(source);
    PoolInventory destinationInventory =
        evacuated.intraPool() ? sourceInventory : connector.loadInventory(destination);
    List<MovePlan> back =
        evacuated.moves().stream()
            .filter(move -> evacuation.movedVms().contains(move.vmUuid()))
            .filter(
                move ->
                    sourceInventory
                        .vm(move.vmUuid())
                        .filter(vm -> vm.powerState() == PowerState.RUNNING)
                        .isPresent())
            .toList();
    if (back.isEmpty()) {
      return new JobPlan(Optional.empty(), source, destination, ImmutableList.of());
    }
    List<String> hosts = back.stream().map(MovePlan::sourceHostUuid).distinct().sorted().toList();
    MigrationPlan plan =
        JobPlanner.schedule(
            sourceInventory,
            destinationInventory,
            new MigrationRequest.MoveVms(back.stream().map(MovePlan::vmUuid).toList(), ""),
            Overrides.none().withPinnedHosts(hosts));
    return new JobPlan(Optional.of(plan), source, destination, ImmutableList.of());
  }

  private PoolProfile profile(InventoryIdentity identity, JobSpec spec) {
    try {
      return planner.pool(identity.poolUuid(), "restored", spec.name());
    } catch (JobRunException byUuid) {
      return planner.pool(identity.poolName(), "restored", spec.name());
    }
  }
}

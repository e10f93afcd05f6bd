package io.xemigrate.daemon;

import com.google.common.collect.ImmutableList;
import io.xemigrate.coordinator.batch.BatchService;
import io.xemigrate.coordinator.planning.BalanceParameters;
import io.xemigrate.coordinator.planning.BalancePlanning;
import io.xemigrate.coordinator.pools.PoolConnector;
import io.xemigrate.coordinator.pools.PoolDirectory;
import io.xemigrate.coordinator.pools.PoolProfile;
import io.xemigrate.planner.MigrationRequest;
import io.xemigrate.planner.Overrides;
import io.xemigrate.planner.PlanningInput;
import io.xemigrate.planner.ResolutionException;
import io.xemigrate.planner.Resolver;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.PoolInventory;
import io.xemigrate.xapi.model.PowerState;
import io.xemigrate.xapi.model.Vm;
import java.util.List;
import java.util.Optional;

/**
 * Plans one run of an evacuate-hosts, drain-pool, move-tagged or balance job from fresh
 * inventories, with the {@link BatchService} the command line and the API use (the planner, then
 * the scheduler calibrated by the journal's completed moves).
 *
 * <p>drain-pool moves the <em>running</em> VMs of every enabled host of the source pool to the
 * destination pool (the planner's own {@code DrainPool} takes halted VMs too, which a live-move
 * window has no use for); a disabled host is taken to be out of service already.
 */
final class JobPlanner {
  private final PoolDirectory directory;
  private final PoolConnector connector;

  JobPlanner(PoolDirectory directory, PoolConnector connector) {
    this.directory = directory;
    this.connector = connector;
  }

  PoolProfile pool(String nameOrUuid, String key, String job) {
    return directory.profiles().stream()
        .filter(profile -> profile.answersTo(nameOrUuid))
        .findFirst()
        .orElseThrow(
            () ->
                new JobRunException(
                    "job '"
                        + job
                        + "': "
                        + key
                        + " pool '"
                        + nameOrUuid
                        + "' is not in the pool profile file"));
  }

  JobPlan plan(JobSpec spec, BatchService batches) {
    PoolProfile source = pool(spec.source(), "source", spec.name());
    PoolProfile destination =
        spec.destination().map(name -> pool(name, "destination", spec.name())).orElse(source);
    PoolInventory sourceInventory = connector.loadInventory(source);
    PoolInventory destinationInventory =
        destination.name().equals(source.name())
            ? sourceInventory
            : connector.loadInventory(destination);
    try {
      return switch (spec.action()) {
        case EVACUATE_HOSTS -> {
          ImmutableList<String> hosts =
              spec.hosts().stream()
                  .map(host -> Resolver.host(sourceInventory, host).uuid())
                  .collect(ImmutableList.toImmutableList());
          yield JobPlan.moving(
              Optional.of(
                  schedule(
                      sourceInventory,
                      destinationInventory,
                      new MigrationRequest.EvacuateHosts(hosts),
                      spec,
                      batches)),
              source,
              destination,
              hosts);
        }
        case DRAIN_POOL -> {
          ImmutableList<String> hosts =
              sourceInventory.hosts().values().stream()
                  .filter(Host::enabled)
                  .map(Host::uuid)
                  .collect(ImmutableList.toImmutableList());
          List<String> vms =
              sourceInventory.guests().stream()
                  .filter(vm -> vm.powerState() == PowerState.RUNNING)
                  .filter(vm -> hosts.contains(vm.residentOnHostUuid()))
                  .map(Vm::uuid)
                  .toList();
          yield moveVms(
              vms,
              sourceInventory,
              destinationInventory,
              spec,
              batches,
              source,
              destination,
              hosts);
        }
        case MOVE_TAGGED -> {
          List<String> vms =
              sourceInventory.guests().stream()
                  .filter(vm -> vm.powerState() == PowerState.RUNNING)
                  .filter(vm -> vm.tags().contains(spec.tag()))
                  .map(Vm::uuid)
                  .toList();
          yield moveVms(
              vms,
              sourceInventory,
              destinationInventory,
              spec,
              batches,
              source,
              destination,
              ImmutableList.of());
        }
        case BALANCE -> balance(spec, source, batches);
        case RESTORE -> throw new IllegalArgumentException("a restore is planned by JobRestore");
      };
    } catch (ResolutionException e) {
      throw new JobRunException("job '" + spec.name() + "': " + e.getMessage());
    }
  }

  /** The balance of the source pool, as pool-balance-plan makes it, scheduled. */
  private JobPlan balance(JobSpec spec, PoolProfile pool, BatchService batches) {
    BalanceParameters parameters = spec.balance().orElseThrow();
    BalanceParameters.Loaded loaded = parameters.load(connector, pool);
    Optional<MigrationPlan> plan =
        BalancePlanning.plan(loaded.inventory(), loaded.load(), parameters.policy())
            .plan()
            .map(p -> batches.schedule(p, loaded.inventory(), loaded.inventory()));
    return JobPlan.moving(plan, pool, pool, ImmutableList.of());
  }

  private JobPlan moveVms(
      List<String> vms,
      PoolInventory sourceInventory,
      PoolInventory destinationInventory,
      JobSpec spec,
      BatchService batches,
      PoolProfile source,
      PoolProfile destination,
      ImmutableList<String> hosts) {
    if (vms.isEmpty()) {
      return JobPlan.moving(Optional.empty(), source, destination, hosts);
    }
    return JobPlan.moving(
        Optional.of(
            schedule(
                sourceInventory,
                destinationInventory,
                new MigrationRequest.MoveVms(vms, ""),
                spec,
                batches)),
        source,
        destination,
        hosts);
  }

  private static MigrationPlan schedule(
      PoolInventory source,
      PoolInventory destination,
      MigrationRequest request,
      JobSpec spec,
      BatchService batches) {
    Overrides overrides =
        spec.destinationHost()
            .map(host -> Overrides.none().withPinnedHosts(List.of(host)))
            .orElse(Overrides.none());
    return batches.plan(new PlanningInput(source, destination, request, overrides));
  }
}

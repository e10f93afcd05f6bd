package io.xemigrate.daemon.api;

import com.google.common.collect.ImmutableList;
import io.xemigrate.coordinator.BadRequestException;
import io.xemigrate.coordinator.planning.BalanceParameters;
import io.xemigrate.coordinator.planning.BalancePlanning;
import io.xemigrate.coordinator.planning.PlanScheduler;
import io.xemigrate.coordinator.planning.PlanningSources;
import io.xemigrate.coordinator.planning.VmSelection;
import io.xemigrate.coordinator.pools.PoolConnectionException;
import io.xemigrate.coordinator.pools.PoolConnector;
import io.xemigrate.coordinator.pools.PoolDirectory;
import io.xemigrate.coordinator.pools.PoolProfile;
import io.xemigrate.planner.MigrationPlanner;
import io.xemigrate.planner.MigrationRequest;
import io.xemigrate.planner.Overrides;
import io.xemigrate.planner.PlanningInput;
import io.xemigrate.planner.ResolutionException;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.predict.CalibrationObservations;
import io.xemigrate.planner.schedule.Objective;
import io.xemigrate.xapi.model.PoolInventory;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Makes plans as the planning commands do ({@link PlanningSources}, {@link VmSelection}, the
 * planner, {@link PlanScheduler}), turning each refusal into an {@link ApiException}: an unknown
 * pool, VM or host is 422 with a code naming what; a pool that cannot be reached is 502.
 */
final class PlanFactory {
  private final PoolDirectory pools;
  private final PoolConnector connector;
  private final Supplier<CalibrationObservations> calibration;

  /**
   * @param calibration the journal's completed moves as the predictor's calibration, read at each
   *     plan (the CLI's planning commands read the same)
   */
  PlanFactory(
      PoolDirectory pools, PoolConnector connector, Supplier<CalibrationObservations> calibration) {
    this.pools = pools;
    this.connector = connector;
    this.calibration = calibration;
  }

  /** The plan for moving {@code vms} (UUIDs, names, or {@code all} with a source), scheduled. */
  MigrationPlan vmMigrate(
      List<String> vms,
      Optional<String> source,
      Optional<String> destination,
      Optional<String> destinationHost,
      Objective objective) {
    VmSelection selection =
        guarded("BAD_VALUE", 400, () -> VmSelection.parse("vms", String.join(",", vms)));
    if (selection.all() && source.isEmpty()) {
      throw new ApiException(
          422, "BAD_VALUE", "vms [\"all\"] needs a source: add \"source\": the pool to empty");
    }
    Optional<PoolProfile> sourcePool = pool(source, "source");
    Optional<PoolProfile> destinationPool = pool(destination, "destination");
    PlanningSources sources = new PlanningSources(pools, connector);
    PoolInventory from =
        reaching(
            () ->
                guarded(
                    "UNKNOWN_VM",
                    422,
                    () ->
                        sources.loadSource(
                            sourcePool,
                            selection::allFoundIn,
                            "vms",
                            "VM '" + selection.firstItem() + "'")));
    ImmutableList<String> uuids =
        guarded("UNKNOWN_VM", 422, () -> selection.resolve(from, sources.source().name()));
    PoolInventory to = reaching(() -> sources.loadDestination(destinationPool));
    MigrationPlan plan =
        plan(from, to, new MigrationRequest.MoveVms(uuids, destinationHost.orElse("")));
    return new PlanScheduler(calibration.get(), objective)
        .schedule(plan, from, to, sources.observations());
  }

  /** The plan for evacuating {@code hosts} (names or UUIDs), scheduled. */
  MigrationPlan hostEvacuate(
      List<String> hosts,
      Optional<String> source,
      Optional<String> destination,
      Objective objective) {
    Optional<PoolProfile> sourcePool = pool(source, "source");
    Optional<PoolProfile> destinationPool = pool(destination, "destination");
    PlanningSources sources = new PlanningSources(pools, connector);
    PoolInventory from =
        reaching(
            () ->
                guarded(
                    "UNKNOWN_HOST",
                    422,
                    () ->
                        sources.loadSource(
                            sourcePool,
                            inventory -> PlanningSources.hasHost(inventory, hosts),
                            "hosts",
                            "host '" + hosts.get(0) + "'")));
    PoolInventory to = reaching(() -> sources.loadDestination(destinationPool));
    MigrationPlan plan = plan(from, to, new MigrationRequest.EvacuateHosts(hosts));
    return new PlanScheduler(calibration.get(), objective)
        .schedule(plan, from, to, sources.observations());
  }

  /**
   * The balance of {@code pool} (the plan, or empty when nothing is to move), as pool-balance-plan
   * makes it: a bad parameter is 400 BAD_VALUE naming the field.
   */
  Optional<MigrationPlan> poolBalance(
      String pool,
      java.util.function.Function<String, Optional<String>> value,
      Optional<String> rules) {
    BalanceParameters parameters =
        guarded(
            "BAD_VALUE",
            400,
            () ->
                BalanceParameters.parse(
                    value, rules.map(text -> new BalanceParameters.RulesText("rules", text))));
    PoolProfile profile = guarded("UNKNOWN_POOL", 422, () -> pools.resolve(pool, "pool"));
    BalanceParameters.Loaded loaded = reaching(() -> parameters.load(connector, profile));
    return BalancePlanning.plan(loaded.inventory(), loaded.load(), parameters.policy())
        .plan()
        .map(
            plan ->
                new PlanScheduler(calibration.get())
                    .schedule(plan, loaded.inventory(), loaded.inventory()));
  }

  private Optional<PoolProfile> pool(Optional<String> name, String field) {
    return name.map(given -> guarded("UNKNOWN_POOL", 422, () -> pools.resolve(given, field)));
  }

  private static MigrationPlan plan(
      PoolInventory source, PoolInventory destination, MigrationRequest request) {
    try {
      return MigrationPlanner.plan(
          new PlanningInput(source, destination, request, Overrides.none()));
    } catch (ResolutionException e) {
      throw new ApiException(422, e.error().name(), e.getMessage());
    }
  }

  /** Runs {@code step}; its one-line usage error becomes {@code code} (AMBIGUOUS_ when so). */
  private static <T> T guarded(String code, int status, Supplier<T> step) {
    try {
      return step.get();
    } catch (BadRequestException e) {
      String message = e.getMessage();
      boolean ambiguous = message.startsWith("ambiguous");
      throw new ApiException(
          status, ambiguous ? code.replace("UNKNOWN_", "AMBIGUOUS_") : code, message);
    }
  }

  private static <T> T reaching(Supplier<T> step) {
    try {
      return step.get();
    } catch (PoolConnectionException e) {
      throw new ApiException(502, "POOL_UNREACHABLE", e.getMessage());
    } catch (BadRequestException e) {
      // A profile the connector refuses (a password file gone, plain HTTP): the server's setup.
      throw new ApiException(500, "POOL_PROFILE", e.getMessage());
    }
  }
}

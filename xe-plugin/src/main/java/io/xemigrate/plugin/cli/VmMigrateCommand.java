package io.xemigrate.plugin.cli;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.xemigrate.coordinator.planning.PlanningSources;
import io.xemigrate.coordinator.planning.VmSelection;
import io.xemigrate.coordinator.pools.PoolProfile;
import io.xemigrate.planner.MigrationRequest;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.schedule.Objective;
import io.xemigrate.planner.schedule.PoolObservations;
import io.xemigrate.xapi.model.PoolInventory;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code vm-migrate-check} (the verdict of every check for each VM) and {@code vm-migrate-plan}
 * (the same, placed and scheduled, written to {@code out=}).
 */
final class VmMigrateCommand implements PlanningCommand {
  private final boolean writesPlan;

  private VmMigrateCommand(boolean writesPlan) {
    this.writesPlan = writesPlan;
  }

  static VmMigrateCommand check() {
    return new VmMigrateCommand(false);
  }

  static VmMigrateCommand plan() {
    return new VmMigrateCommand(true);
  }

  @Override
  public String name() {
    return writesPlan ? "vm-migrate-plan" : "vm-migrate-check";
  }

  @Override
  public String summary() {
    return writesPlan
        ? "Plan and schedule moving VMs; write the plan to a file"
        : "Check whether VMs can move to a pool, and why not";
  }

  @Override
  public String synopsis() {
    return name()
        + " vm=<uuid|name>[,...]|all [destination=<pool>] [source=<pool>] [host=] [sr=]"
        + " [vdi:<uuid>=<sr>] [vif:<uuid|mac>=<network>] [transfer-network=]"
        + (writesPlan ? " [objective=makespan|downtime|balanced] out=plan.json" : "")
        + " [pools=FILE] [--json]";
  }

  @Override
  public ImmutableSet<String> ownKeys() {
    return writesPlan
        ? ImmutableSet.of("vm", "host", "out", "objective")
        : ImmutableSet.of("vm", "host");
  }

  @Override
  public ExitCode run(Arguments arguments, Console console) {
    Optional<Path> out =
        writesPlan
            ? Optional.of(OutputFile.of("out", arguments.required("out")).target())
            : Optional.empty();
    Objective objective = Parameters.objective(arguments.optional("objective"));
    PoolParameters pools = CommandSupport.pools(arguments, console);
    Planned planned = planVms(arguments, pools);
    noteInsidePool(arguments, pools, planned, console);
    return out.isPresent()
        ? PlanOutput.write(
            planned.plan(),
            planned.source(),
            planned.destination(),
            planned.observations(),
            out.get(),
            objective,
            console)
        : PlanOutput.check(planned.plan(), console);
  }

  /**
   * Without {@code destination=} (or {@code remote-master=}) the VMs move inside their own pool:
   * said before anything else, so that nobody plans a move inside a pool by leaving a key out.
   */
  static void noteInsidePool(
      Arguments arguments, PoolParameters pools, Planned planned, Console console) {
    if (pools.destination("destination").isEmpty()) {
      console
          .err()
          .println(
              "xe-migrate: no destination= given: the VMs move inside pool "
                  + planned.source().pool().nameLabel()
                  + " (give destination=POOL to move them to another pool)");
    }
  }

  /** A plan (not yet scheduled) with the inventories it was made from. */
  record Planned(
      MigrationPlan plan,
      PoolInventory source,
      PoolInventory destination,
      PoolObservations observations) {}

  /**
   * Plans moving the VMs of {@code vm=} to {@code destination=} with the overrides given; {@code
   * vm-migrate} shares it.
   */
  static Planned planVms(Arguments arguments, PoolParameters pools) {
    VmSelection vms = VmSelection.parse("vm", arguments.required("vm"));
    Optional<PoolProfile> givenSource = pools.optionalPool("source");
    if (vms.all() && givenSource.isEmpty()) {
      throw new UsageException("vm=all needs source=<pool>: add the pool whose VMs to check");
    }
    Optional<PoolProfile> givenDestination = pools.destination("destination");
    PlanningSources session = PlanningSession.sources(pools);
    if (givenSource.isEmpty()) {
      session.requireOnePool(vms.items(), VmSelection::has, "vm");
    }
    PoolInventory source =
        session.loadSource(givenSource, vms::allFoundIn, "vm", "VM '" + vms.firstItem() + "'");
    ImmutableList<String> uuids = vms.resolve(source, session.source().name());
    PoolInventory destination = session.loadDestination(givenDestination);
    MigrationPlan plan =
        PlanningSession.plan(
            source,
            destination,
            new MigrationRequest.MoveVms(uuids, arguments.optional("host").orElse("")),
            PlanningSession.overrides(arguments));
    return new Planned(plan, source, destination, session.observations());
  }
}

package io.xemigrate.plugin.cli;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.xemigrate.coordinator.planning.PlanningSources;
import io.xemigrate.planner.MigrationRequest;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.schedule.Objective;
import io.xemigrate.xapi.model.PoolInventory;
import java.nio.file.Path;

/**
 * {@code host-evacuate-plan host=}: plan and schedule moving every VM off hosts, to the other hosts
 * of their pool or to {@code destination=}; write the plan to {@code out=}.
 */
final class HostEvacuatePlanCommand implements PlanningCommand {

  @Override
  public String name() {
    return "host-evacuate-plan";
  }

  @Override
  public String summary() {
    return "Plan and schedule evacuating hosts; write the plan to a file";
  }

  @Override
  public String synopsis() {
    return "host-evacuate-plan host=<uuid|name>[,...] [destination=<pool>] [source=<pool>]"
        + " [sr=] [vdi:<uuid>=<sr>] [vif:<uuid|mac>=<network>] [transfer-network=]"
        + " [objective=makespan|downtime|balanced] out=plan.json [pools=FILE] [--json]";
  }

  @Override
  public ImmutableSet<String> ownKeys() {
    return ImmutableSet.of("host", "out", "objective");
  }

  @Override
  public ExitCode run(Arguments arguments, Console console) {
    ImmutableList<String> hosts = PlanningSession.hosts(arguments.required("host"));
    Path out = OutputFile.of("out", arguments.required("out")).target();
    Objective objective = Parameters.objective(arguments.optional("objective"));
    PoolParameters pools = CommandSupport.pools(arguments, console);
    PlanningSources session = PlanningSession.sources(pools);
    PoolInventory source =
        session.loadSource(
            pools.optionalPool("source"),
            inventory -> PlanningSession.hasHost(inventory, hosts),
            "host",
            "host '" + hosts.get(0) + "'");
    PoolInventory destination = session.loadDestination(pools.destination("destination"));
    MigrationPlan plan =
        PlanningSession.plan(
            source,
            destination,
            new MigrationRequest.EvacuateHosts(hosts),
            PlanningSession.overrides(arguments));
    return PlanOutput.write(
        plan, source, destination, session.observations(), out, objective, console);
  }
}

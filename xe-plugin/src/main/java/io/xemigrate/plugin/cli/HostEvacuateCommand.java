package io.xemigrate.plugin.cli;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.xemigrate.planner.MigrationRequest;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.plugin.planning.PlanningSources;
import io.xemigrate.plugin.pools.PoolParameters;
import io.xemigrate.xapi.model.PoolInventory;

/**
 * {@code host-evacuate host=...}: plans and schedules the evacuation (as {@code
 * host-evacuate-plan}), shows it, asks, and applies it (see {@link PlanRun}).
 */
final class HostEvacuateCommand implements PlanningCommand {
  @Override
  public String name() {
    return "host-evacuate";
  }

  @Override
  public String summary() {
    return "Evacuate hosts: plan, show, ask, apply";
  }

  @Override
  public String synopsis() {
    return "host-evacuate host=<uuid|name>[,...] [destination=<pool>] [source=<pool>]"
        + " [yes=true] [pools=FILE] [--json]";
  }

  @Override
  public ImmutableSet<String> ownKeys() {
    return ImmutableSet.of("host", "yes");
  }

  @Override
  public ExitCode run(Arguments arguments, Console console) {
    ImmutableList<String> hosts = PlanningSession.hosts(arguments.required("host"));
    boolean yes = Parameters.bool("yes", arguments.optional("yes").orElse("false"));
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
        PlanRun.schedule(
            PlanningSession.plan(
                source,
                destination,
                new MigrationRequest.EvacuateHosts(hosts),
                PlanningSession.overrides(arguments)),
            source,
            destination);
    return PlanRun.showAskApply(
        plan,
        pools,
        console,
        yes,
        "Evacuate?",
        "no VM of host=" + String.join(",", hosts) + " can move: see the findings");
  }
}

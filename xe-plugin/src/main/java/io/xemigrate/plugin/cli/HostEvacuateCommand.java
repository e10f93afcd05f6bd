package io.xemigrate.plugin.cli;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.xemigrate.coordinator.journal.StoreLocation;
import io.xemigrate.coordinator.planning.PlanningSources;
import io.xemigrate.coordinator.run.HostMaintenance;
import io.xemigrate.planner.MigrationRequest;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.schedule.Objective;
import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.PoolInventory;
import java.util.List;

/**
 * {@code host-evacuate host=... [maintenance=true]}: plans and schedules the evacuation (as {@code
 * host-evacuate-plan}), shows it, asks, disables the hosts (so nothing new lands on them), applies
 * it (see {@link PlanRun}), then enables them again, or with {@code maintenance=true} leaves them
 * disabled in maintenance mode ({@link HostMaintenance}) for {@code host-restore run=} to undo.
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
        + " [maintenance=true] [objective=makespan|downtime|balanced] [yes=true] [pools=FILE]"
        + " [database=...] [--json]";
  }

  @Override
  public ImmutableSet<String> ownKeys() {
    return ImmutableSet.<String>builder()
        .add("host", "yes", "maintenance", "objective")
        .addAll(DatabaseArgument.KEYS)
        .build();
  }

  @Override
  public ExitCode run(Arguments arguments, Console console) {
    ImmutableList<String> hosts = PlanningSession.hosts(arguments.required("host"));
    boolean yes = Parameters.bool("yes", arguments.optional("yes").orElse("false"));
    boolean maintenance =
        Parameters.bool("maintenance", arguments.optional("maintenance").orElse("false"));
    Objective objective = Parameters.objective(arguments.optional("objective"));
    StoreLocation store = DatabaseArgument.of(arguments);
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
            destination,
            session.observations(),
            objective,
            store);
    ImmutableList<String> hostUuids = uuidsOf(source, hosts);
    return PlanRun.showAskApply(
        plan,
        pools,
        store,
        console,
        yes,
        "Evacuate?",
        "no VM of host=" + String.join(",", hosts) + " can move: see the findings",
        batch -> batch.withHostsToDisable(hostUuids, maintenance),
        prepared -> reportHosts(console, hosts, prepared.hostsKept(), prepared.runId()));
  }

  /** The words of the hosts' end, the same after an uninterrupted run and a resumed one. */
  static void reportHosts(Console console, List<String> hosts, boolean kept, String runId) {
    if (console.json() || hosts.isEmpty()) {
      return;
    }
    console.line(
        kept
            ? "host="
                + String.join(",", hosts)
                + " left disabled in maintenance mode; 'xe-migrate host-restore run="
                + runId
                + "' brings the VMs back and enables it"
            : "host=" + String.join(",", hosts) + " enabled again");
  }

  /** The UUIDs of the hosts named (by UUID or name-label) in {@code host=}. */
  private static ImmutableList<String> uuidsOf(PoolInventory pool, List<String> hosts) {
    return pool.hosts().values().stream()
        .filter(host -> hosts.contains(host.uuid()) || hosts.contains(host.nameLabel()))
        .map(Host::uuid)
        .collect(ImmutableList.toImmutableList());
  }
}

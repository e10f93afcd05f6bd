package io.xemigrate.plugin.cli;

import com.google.common.collect.ImmutableSet;
import io.xemigrate.coordinator.journal.Journal;
import io.xemigrate.coordinator.journal.RunHost;
import io.xemigrate.coordinator.journal.RunRecord;
import io.xemigrate.coordinator.journal.RunRecord.RunStatus;
import io.xemigrate.coordinator.run.HostMaintenance;
import io.xemigrate.coordinator.run.PoolSide;
import io.xemigrate.coordinator.run.RunSummary;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.planner.plan.PlanJson;
import io.xemigrate.xapi.model.Host;
import io.xemigrate.xapi.model.PoolInventory;
import java.util.List;
import java.util.Optional;

/**
 * {@code run-resume run=ID}: reconciles a run with both pools (a VM found on its destination is
 * done; a step whose outcome is unknown is settled by reading both pools) and finishes it without
 * moving anything twice.
 */
final class RunResumeCommand implements Command {
  @Override
  public String name() {
    return "run-resume";
  }

  @Override
  public String summary() {
    return "Finish an interrupted run, reconciling it with both pools first";
  }

  @Override
  public String synopsis() {
    return "run-resume run=ID [maintenance=true|false] [pools=FILE] [database=...] [--json]";
  }

  @Override
  public ImmutableSet<String> keys() {
    return ImmutableSet.<String>builder()
        .add("run", "maintenance")
        .addAll(DatabaseArgument.KEYS)
        .addAll(PoolParameters.KEYS)
        .build();
  }

  @Override
  public ExitCode run(Arguments arguments, Console console) {
    String runId = arguments.required("run");
    Optional<Boolean> maintenance =
        arguments.optional("maintenance").map(value -> Parameters.bool("maintenance", value));
    PoolParameters pools = CommandSupport.pools(arguments, console);
    try (Journal journal = RunSession.openJournal(arguments)) {
      RunRecord run = RunShowCommand.find(journal, runId);
      MigrationPlan plan = PlanJson.read(run.planJson());
      RunSummary summary =
          RunSession.withPools(
              plan,
              pools,
              journal,
              console,
              (coordinator, source, destination) -> {
                boolean keep =
                    maintenance.orElseGet(() -> HostMaintenance.resumedMaintenance(runId, journal));
                RunSummary resumed = null;
                try {
                  resumed = coordinator.resume(runId);
                  return resumed;
                } finally {
                  finishHosts(runId, journal, source, resumed, keep, console);
                }
              });
      return RunSession.exitOf(summary);
    }
  }

  /**
   * The hosts an evacuation disabled and a crash left disabled: enabled again, or left in
   * maintenance mode when the run asked for it (or {@code maintenance=true}), as at the end of an
   * uninterrupted {@code host-evacuate}, in the same words.
   */
  private static void finishHosts(
      String runId,
      Journal journal,
      PoolSide source,
      RunSummary resumed,
      boolean maintenance,
      Console console) {
    List<RunHost> unfinished = HostMaintenance.unfinished(runId, journal);
    if (unfinished.isEmpty()) {
      return;
    }
    PoolInventory pool = source.fresh();
    List<String> names =
        unfinished.stream()
            .map(host -> pool.host(host.hostUuid()).map(Host::nameLabel).orElse(host.hostUuid()))
            .toList();
    boolean failed = resumed == null || resumed.status() != RunStatus.SUCCEEDED;
    boolean kept = HostMaintenance.finish(runId, source.client(), journal, maintenance, failed);
    HostEvacuateCommand.reportHosts(console, names, kept, runId);
  }
}

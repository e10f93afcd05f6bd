package io.xemigrate.plugin.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import io.xemigrate.coordinator.journal.Journal;
import io.xemigrate.coordinator.journal.RunHost;
import io.xemigrate.coordinator.journal.RunRecord;
import io.xemigrate.coordinator.journal.StoreLocation;
import io.xemigrate.coordinator.planning.RestorePlanning;
import io.xemigrate.coordinator.pools.PoolProfile;
import io.xemigrate.coordinator.run.HostMaintenance;
import io.xemigrate.coordinator.run.JournaledRun;
import io.xemigrate.planner.plan.MigrationPlan;
import io.xemigrate.xapi.model.PoolInventory;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code host-restore run=ID [yes=true]}: moves the VMs a finished run moved back to the hosts they
 * came from ({@link RestorePlanning}), shows, asks, enables the hosts the run disabled, and applies
 * the moves back as a run of their own. VMs that moved since, or whose host is gone or was disabled
 * by someone else, stay where they are: reported, exit 3.
 */
final class HostRestoreCommand implements Command {
  @Override
  public String name() {
    return "host-restore";
  }

  @Override
  public String summary() {
    return "Move a run's VMs back to their original hosts and enable the hosts it disabled";
  }

  @Override
  public String synopsis() {
    return "host-restore run=ID [yes=true] [pools=FILE] [database=...] [--json]";
  }

  @Override
  public ImmutableSet<String> keys() {
    return ImmutableSet.<String>builder()
        .add("run", "yes")
        .addAll(DatabaseArgument.KEYS)
        .addAll(PoolParameters.KEYS)
        .build();
  }

  @Override
  public ExitCode run(Arguments arguments, Console console) {
    String runId = arguments.required("run");
    boolean yes = Parameters.bool("yes", arguments.optional("yes").orElse("false"));
    StoreLocation store = DatabaseArgument.of(arguments);
    PoolParameters pools = CommandSupport.pools(arguments, console);
    JournaledRun run;
    List<RunHost> held;
    try (Journal journal = RunSession.openJournal(store)) {
      RunRecord record = RunShowCommand.find(journal, runId);
      switch (record.status()) {
        case SUCCEEDED, FAILED, CANCELLED -> {}
        case RUNNING, NEEDS_RECONCILE ->
            throw new UsageException(
                "run '"
                    + runId
                    + "' in run= is "
                    + record.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + ": finish it with run-resume (or run-cancel) first");
      }
      run = JournaledRun.of(journal, record);
      held = HostMaintenance.held(runId, journal);
    }
    PoolProfile awayProfile = RunSession.profileOf(pools, run.plan().destination());
    PoolProfile homeProfile = RunSession.profileOf(pools, run.plan().source());
    PoolInventory away = pools.connector().loadInventory(awayProfile);
    PoolInventory home =
        run.plan().intraPool() ? away : pools.connector().loadInventory(homeProfile);
    Set<String> heldHosts = held.stream().map(RunHost::hostUuid).collect(Collectors.toSet());
    RestorePlanning.Restore restore =
        RestorePlanning.plan(runId, run.plan(), run.moves(), heldHosts, away, home);
    report(restore, console);
    if (restore.plan().isEmpty()) {
      ImmutableList<String> enabled;
      try (Journal journal = RunSession.openJournal(store)) {
        enabled =
            pools
                .connector()
                .withClient(homeProfile, client -> HostMaintenance.release(runId, client, journal));
      }
      if (!console.json()) {
        console.line(
            "run " + runId + ": nothing to move back; " + enabled.size() + " hosts enabled");
      }
      return restore.skipped().isEmpty() ? ExitCode.DONE : ExitCode.BLOCKED;
    }
    MigrationPlan plan = PlanRun.schedule(restore.plan().get(), away, home, store);
    ExitCode applied =
        PlanRun.showAskApply(
            plan,
            pools,
            store,
            console,
            yes,
            "Move these VMs back?",
            "no VM of run " + runId + " can move back: see the findings",
            batch -> batch.withReleasesHostsOf(runId),
            prepared -> {});
    return applied == ExitCode.DONE && !restore.skipped().isEmpty() ? ExitCode.BLOCKED : applied;
  }

  /** The {@code --json} summary printed before any progress events. */
  record Report(List<RestorePlanning.Skipped> skipped, List<String> alreadyHome) {}

  private static void report(RestorePlanning.Restore restore, Console console) {
    if (console.json()) {
      try {
        console.line(
            new ObjectMapper()
                .writeValueAsString(new Report(restore.skipped(), restore.alreadyHome())));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("the report is always serialisable", e);
      }
      return;
    }
    for (RestorePlanning.Skipped skipped : restore.skipped()) {
      console.line("not moved back: " + skipped.vmName() + ": " + skipped.reason());
    }
    for (String vm : restore.alreadyHome()) {
      console.line("already home: " + vm);
    }
  }
}
